package io.awsinventory.cli;

import static io.awsinventory.InventoryException.invalidInput;

import io.awsinventory.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/** A file that holds one secret on one line: private to its owner, masked from then on. */
final class SecretFile {
  private SecretFile() {}

  /**
   * The secret in {@code file}.
   *
   * @param option the option that named the file, for messages
   * @param what what the secret is ("key", "password"), for messages
   */
  static String read(Path file, String option, String what) {
    String secret;
    try {
      secret = Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (IOException | SecurityException e) {
      throw invalidInput(option, "cannot read " + file);
    }
    if (secret.isEmpty() || secret.contains("\n")) {
      throw invalidInput(option, file + " must hold the " + what + " on one line");
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.contains(PosixFilePermission.GROUP_READ)
          || permissions.contains(PosixFilePermission.OTHERS_READ)) {
        throw invalidInput(
            option, file + " can be read by other users; run 'chmod 600 " + file + "'");
      }
    } catch (UnsupportedOperationException | IOException notPosix) {
      // NTFS: the folder's access list guards the file
    }
    Secrets.register(secret);
    return secret;
  }
}
