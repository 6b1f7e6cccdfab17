package io.awsinventory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the small files the options name (config file, secret key, token, CA bundle) with a cap:
 * {@code /dev/zero} or a huge file given by mistake is refused instead of filling the memory.
 */
public final class SmallFiles {
  /** No file an option names is anywhere near this size. */
  public static final int MAX_BYTES = 1 << 20;

  /** The file is larger than {@link #MAX_BYTES}, or never ends. */
  public static final class TooLargeException extends IOException {
    public TooLargeException(Path file) {
      super(file + " is larger than 1 MB");
    }
  }

  private SmallFiles() {}

  public static byte[] read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new TooLargeException(file);
      }
      return bytes;
    }
  }
}
