package io.awsinventory.cli;

import io.awsinventory.InventoryException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Sets up the SLF4J simple logger before the first logger is made: warnings by default, debug for
 * the tool's own code with {@code --verbose}. The AWS SDK and the HTTP client stay at warn even
 * then, so request headers (which carry session tokens) never reach the log.
 */
final class Logging {
  /** The file-type bits of a POSIX mode, and the value that means a character device. */
  private static final int S_IFMT = 0170000;

  private static final int S_IFCHR = 0020000;

  private Logging() {}

  /**
   * Configures logging once the command line is parsed (config file included). With {@code
   * --log-file FILE}, all that goes to stderr — log lines, progress, failures, the closing report —
   * is also appended to FILE. Returns where stderr goes, for the progress display.
   */
  static ConsoleStreams configure(boolean verbose, String file) {
    PrintStream terminal = stderrIsTerminal() ? System.err : null;
    PrintStream logFile = file == null ? null : teeStderrTo(file);
    // everything written to stderr from here on, the log file's copy included, is made safe
    System.setErr(new PrintStream(new SafeLines(System.err), true, StandardCharsets.UTF_8));
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
    setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    // the SDK's warnings (a retried call, a renewed session) are noise in a run that handles them:
    // shown with --verbose only, and a session renewal, which is expected, never
    setIfAbsent("org.slf4j.simpleLogger.log.software.amazon.awssdk", verbose ? "warn" : "error");
    setIfAbsent("org.slf4j.simpleLogger.log.software.amazon.awssdk.utils.cache", "error");
    setIfAbsent("org.slf4j.simpleLogger.log.org.apache.http", verbose ? "warn" : "error");
    if (verbose) {
      setIfAbsent("org.slf4j.simpleLogger.log.io.awsinventory", "debug");
    }
    return new ConsoleStreams(terminal, logFile);
  }

  /** Tees System.err into FILE; returns the file's own stream. */
  private static PrintStream teeStderrTo(String file) {
    OutputStream log;
    try {
      Path path = Path.of(file);
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      // a FileOutputStream, not a channel: an interrupted thread must not close the log
      log =
          new TimestampedLines(
              new java.io.FileOutputStream(path.toFile(), true), java.time.Clock.systemUTC());
    } catch (IOException | InvalidPathException e) {
      throw InventoryException.invalidInput("--log-file", "cannot write to " + file);
    }
    PrintStream stderr = System.err;
    OutputStream both =
        new OutputStream() {
          @Override
          public synchronized void write(int b) throws IOException {
            stderr.write(b);
            log.write(b);
          }

          @Override
          public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
            stderr.write(bytes, offset, length);
            log.write(bytes, offset, length);
          }

          @Override
          public synchronized void flush() throws IOException {
            stderr.flush();
            log.flush();
          }
        };
    System.setErr(new PrintStream(both, true, StandardCharsets.UTF_8));
    return new PrintStream(new SafeLines(log), true, StandardCharsets.UTF_8);
  }

  /**
   * Whether fd 2 is a terminal, asked of the file system without starting a process: on POSIX the
   * descriptor is a character device other than {@code /dev/null} (a pipe, a file or a socket is
   * not); on Windows a console means a terminal. {@code TERM=dumb} never gets a bar.
   */
  static boolean stderrIsTerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    if (System.getProperty("os.name", "").startsWith("Windows")) {
      return System.console() != null;
    }
    return isTerminal(Path.of("/dev/fd/2"));
  }

  /** Whether {@code descriptor} (a {@code /dev/fd} entry) is a terminal device. */
  static boolean isTerminal(Path descriptor) {
    try {
      int mode = (Integer) Files.getAttribute(descriptor, "unix:mode");
      boolean characterDevice = (mode & S_IFMT) == S_IFCHR;
      return characterDevice && !Files.isSameFile(descriptor, Path.of("/dev/null"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    } catch (SecurityException e) {
      return false;
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
