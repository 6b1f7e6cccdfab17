package io.awsinventory.output;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files and folders only their owner can read: the run's work, which holds whole records. On file
 * systems without POSIX permissions (NTFS) they inherit the output folder's access list.
 */
final class OwnerOnly {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private OwnerOnly() {}

  static Path createDirectory(Path parent, String prefix) throws IOException {
    return POSIX
        ? Files.createTempDirectory(parent, prefix, permissions("rwx------"))
        : Files.createTempDirectory(parent, prefix);
  }

  static Path createFile(Path file) throws IOException {
    Files.deleteIfExists(file);
    return POSIX ? Files.createFile(file, permissions("rw-------")) : Files.createFile(file);
  }

  private static FileAttribute<?> permissions(String text) {
    return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(text));
  }
}
