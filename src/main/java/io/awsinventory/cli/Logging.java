package io.awsinventory.cli;

import io.awsinventory.InventoryException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Sets up the SLF4J simple logger before the first logger is made: warnings by default, debug for
 * the tool's own code with {@code --verbose}. The AWS SDK and the HTTP client stay at warn even
 * then, so request headers (which carry session tokens) never reach the log.
 */
final class Logging {
  private Logging() {}

  /**
   * Configures logging from the (config-expanded) arguments. With {@code --log-file FILE}, all that
   * goes to stderr — log lines, progress, failures, the closing report — is also appended to FILE.
   * Returns where stderr goes, for the progress display.
   */
  static ConsoleStreams configure(String[] args) {
    List<String> list = Arrays.asList(args);
    boolean verbose = list.contains("--verbose") || list.contains("-v");
    PrintStream terminal = stderrIsTerminal() ? System.err : null;
    String file = valueOf(list, "--log-file");
    PrintStream logFile = file == null ? null : teeStderrTo(file);
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
    setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
    setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
    setIfAbsent("org.slf4j.simpleLogger.log.software.amazon.awssdk", "warn");
    setIfAbsent("org.slf4j.simpleLogger.log.org.apache.http", "warn");
    if (verbose) {
      setIfAbsent("org.slf4j.simpleLogger.log.io.awsinventory", "debug");
    }
    return new ConsoleStreams(terminal, logFile);
  }

  private static String valueOf(List<String> args, String option) {
    String value = null;
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals(option) && i + 1 < args.size()) {
        value = args.get(i + 1);
      } else if (args.get(i).startsWith(option + "=")) {
        value = args.get(i).substring(option.length() + 1);
      }
    }
    return value;
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
      log = new java.io.FileOutputStream(path.toFile(), true);
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
    return new PrintStream(log, true, StandardCharsets.UTF_8);
  }

  /**
   * Whether fd 2 is a terminal. Java has no isatty: on Linux the descriptor's link names the
   * device; elsewhere on POSIX {@code test -t 2} is asked with the same stderr; on Windows a
   * console means a terminal. {@code TERM=dumb} never gets a bar.
   */
  static boolean stderrIsTerminal() {
    if ("dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.isSymbolicLink(fd)) {
      try {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | SecurityException e) {
        return false;
      }
    }
    if (System.getProperty("os.name", "").startsWith("Windows")) {
      return System.console() != null;
    }
    try {
      Process test =
          new ProcessBuilder("sh", "-c", "test -t 2")
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      return test.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
