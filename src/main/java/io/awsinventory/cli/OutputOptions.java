package io.awsinventory.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** Where and how the files are written. */
public final class OutputOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "json, jsonl or csv (default: json).")
  String format;

  @Option(
      names = "--output-dir",
      paramLabel = "DIR",
      description =
          "Folder the files are written to; created if missing (default: "
              + RunConfigFactory.DEFAULT_OUTPUT_DIR
              + ").")
  String outputDir;

  @Option(
      names = "--tag-columns",
      split = ",",
      paramLabel = "KEY",
      description = "Tag keys that get a Tag:KEY column of their own in CSV.")
  List<String> tagColumns;

  @Option(
      names = "--csv-escape-formulas",
      description =
          "Prefix CSV cells starting with = + - @ with an apostrophe, for files opened in a"
              + " spreadsheet (default: values are written exactly as AWS returned them).")
  boolean csvEscapeFormulas;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress or closing report; errors only.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Debug logging, and the stack trace of an internal error.")
  boolean verbose;

  @Option(
      names = "--log-file",
      paramLabel = "FILE",
      description =
          "Also append everything written to stderr (log, progress, failures, report) to FILE.")
  String logFile;
}
