package io.awsinventory.cli;

import io.awsinventory.output.OutputFormat;
import java.util.List;
import picocli.CommandLine.Option;

/** Where and how the files are written. */
public final class OutputOptions {
  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = FormatOption.Converter.class,
      completionCandidates = FormatOption.Names.class,
      description = "${COMPLETION-CANDIDATES} (default: json).")
  OutputFormat format;

  @Option(
      names = "--output-dir",
      paramLabel = "DIR",
      description =
          "Folder the files are written to; created if missing (default: "
              + OutputValidation.DEFAULT_OUTPUT_DIR
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
          "Prefix CSV cells starting with = + - @, tab or carriage return with an apostrophe, for"
              + " files opened in a spreadsheet (default: values are written exactly as AWS"
              + " returned them).")
  boolean csvEscapeFormulas;

  @Option(
      names = "--carry-forward-days",
      paramLabel = "N",
      description =
          "When an account, region or resource cannot be read, write its records from the"
              + " previous set again, marked Stale, for up to N days after they were last read"
              + " (default: "
              + io.awsinventory.run.RunConfig.DEFAULT_CARRY_FORWARD_DAYS
              + "; 0 carries nothing; environment AWS_INVENTORY_CARRY_FORWARD_DAYS).")
  String carryForwardDays;

  @Option(
      names = "--csv-bom",
      description =
          "Start CSV files with a UTF-8 byte-order mark, so Excel shows non-ASCII text right when"
              + " a file is double-clicked.")
  boolean csvBom;
}
