package io.awsinventory.cli;

import io.awsinventory.InventoryException;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.schema.SchemaFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aws-inventory schema}: writes the JSON Schemas (draft 2020-12) of the output files and of
 * the run summary, for a Data Hub to import against. Makes no AWS call.
 */
@Command(
    name = "schema",
    description =
        "Write a JSON Schema (draft 2020-12) for each output file (STEM.schema.json)"
            + " and for run_summary.json into a folder.",
    mixinStandardHelpOptions = true,
    sortOptions = false)
public final class SchemaCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--output-dir",
      required = true,
      paramLabel = "DIR",
      description = "Folder the schema files are written to; created if missing.")
  String outputDir;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = FormatOption.Converter.class,
      completionCandidates = FormatOption.Names.class,
      description =
          "The collect format the schemas describe: json (the file is an array of records),"
              + " jsonl (one line is a record) or csv (one row, keyed by the header); default: json.")
  OutputFormat format;

  @Override
  public Integer call() {
    OutputFormat chosen = format == null ? OutputFormat.JSON : format;
    Path dir = OutputValidation.outputDir(outputDir);
    List<String> names;
    try {
      names = SchemaFiles.writeAll(dir, chosen);
    } catch (IOException e) {
      throw InventoryException.output("could not write the schemas in " + dir + ": " + e, e);
    }
    PrintWriter out = spec.commandLine().getOut();
    for (String name : names) {
      out.println(dir.resolve(name));
    }
    out.flush();
    return 0;
  }
}
