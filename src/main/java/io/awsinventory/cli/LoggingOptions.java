package io.awsinventory.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** How much a run says on stderr, and the log file that keeps a copy. */
public final class LoggingOptions {
  /** At most one of the two: a quiet run cannot also be verbose. */
  static final class Verbosity {
    @Option(
        names = {"-q", "--quiet"},
        description = "No progress or closing report; errors only.")
    boolean quiet;

    @Option(
        names = {"-v", "--verbose"},
        description = "Debug logging, and the stack trace of an internal error.")
    boolean verbose;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Verbosity verbosity = new Verbosity();

  @Option(
      names = "--log-file",
      paramLabel = "FILE",
      description =
          "Also append everything written to stderr (log, progress, failures, report) to FILE.")
  String logFile;

  boolean quiet() {
    return verbosity != null && verbosity.quiet;
  }

  boolean verbose() {
    return verbosity != null && verbosity.verbose;
  }
}
