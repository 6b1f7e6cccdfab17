package io.awsinventory.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where the process's stderr really goes, found once at start-up: the terminal (when stderr is
 * one), and the log file alone (with {@code --log-file}). In-process runs have neither.
 *
 * @param terminal the process's stderr when it is a terminal, before the log file is teed in; or
 *     null
 * @param logFile the log file without the terminal; or null
 * @param totals what the run collected, for the log's closing line; set when a collect run ends
 */
record ConsoleStreams(PrintStream terminal, PrintStream logFile, AtomicReference<String> totals) {
  static final ConsoleStreams NONE = new ConsoleStreams(null, null);

  ConsoleStreams(PrintStream terminal, PrintStream logFile) {
    this(terminal, logFile, new AtomicReference<>());
  }

  /**
   * How {@code collect} shows progress: nothing with {@code --quiet}; a live bar on a terminal,
   * with plain lines in the log file beside it; plain timestamped lines on {@code err} otherwise,
   * and with {@code --verbose}, whose log lines would break into a bar.
   */
  Progress progress(boolean quiet, boolean verbose, PrintWriter err) {
    if (quiet) {
      return Progress.silent();
    }
    Clock clock = Clock.systemUTC();
    if (terminal != null && !verbose) {
      PrintWriter log =
          logFile == null ? null : new PrintWriter(logFile, true, StandardCharsets.UTF_8);
      return Progress.bar(terminal, log, clock);
    }
    return Progress.lines(err, Progress.LINE_INTERVAL, clock);
  }
}
