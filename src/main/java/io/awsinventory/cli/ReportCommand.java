package io.awsinventory.cli;

import io.awsinventory.ExitCode;
import io.awsinventory.InventoryException;
import io.awsinventory.licence.LicenceReport;
import io.awsinventory.output.CsvStyle;
import io.awsinventory.output.FolderLock;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.output.PreviousSet;
import io.awsinventory.output.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aws-inventory report}: the licence position of a committed set, offline. Into the set's
 * own folder (the default) it takes the folder's lock and commits a new generation that holds the
 * set and its report together; into another folder it writes the three report files there.
 */
@Command(
    name = "report",
    description =
        "Count the licences a committed set needs: licence_instances and licence_position (in the"
            + " set's format) and licence_report.html, from the files alone, with no AWS call.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
      "    aws-inventory report --input-dir inventory",
      "    aws-inventory report --config /etc/aws-inventory/organization.conf \\",
      "      --entitlements owned.csv --output-dir /srv/sam/licences",
      "",
      "The figures are an estimate from the rules (docs/licensing.md): check them against your"
          + " contracts.",
      "",
      "Exit codes: 0 report written, 1 a file could not be read or written, 2 bad option or no set."
    })
public final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config = new ConfigOption();

  @Option(
      names = "--input-dir",
      paramLabel = "DIR",
      description =
          "The output folder of collect whose current set is counted (default: the config"
              + " file's output-dir, else "
              + OutputValidation.DEFAULT_OUTPUT_DIR
              + ").")
  String inputDir;

  @Option(
      names = "--output-dir",
      paramLabel = "DIR",
      description =
          "Write the report files here instead of committing them with the set (command line"
              + " only).")
  String outputDir;

  @Mixin LicenceOptions licence = new LicenceOptions();

  @Override
  public Integer call() {
    ConfigFile.check(spec);
    Path input =
        folder("--input-dir", inputDir == null ? OutputValidation.DEFAULT_OUTPUT_DIR : inputDir);
    if (!Files.isDirectory(input)) {
      throw InventoryException.invalidInput("--input-dir", input + " is not a folder");
    }
    Path output = outputDir == null ? null : folder("--output-dir", outputDir);
    LicenceReport report = licence.report();
    PrintWriter err = spec.commandLine().getErr();
    try {
      LicenceReport.Result result =
          output == null || output.equals(input)
              ? intoTheSet(report, input)
              : intoFolder(report, set(input), output);
      for (String line : result.lines()) {
        err.println(line);
      }
      err.flush();
      return ExitCode.OK.code();
    } catch (FolderLock.HeldException | FolderLock.UnsafeException e) {
      throw InventoryException.invalidInput("--input-dir", e.getMessage());
    } catch (IOException e) {
      throw InventoryException.output("could not write the report: " + e.getMessage(), e);
    }
  }

  private static Path folder(String option, String value) {
    try {
      return Path.of(value).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw InventoryException.invalidInput(option, "'" + value + "' is not a valid path");
    }
  }

  private static PreviousSet set(Path input) throws IOException {
    return PreviousSet.in(input)
        .orElseThrow(
            () ->
                InventoryException.invalidInput(
                    "--input-dir", input + " holds no committed set of files"));
  }

  /** The set's format: that of its coverage file, which every set has. */
  private static OutputFormat format(PreviousSet set) {
    return set.file(io.awsinventory.output.Coverage.STEM)
        .map(PreviousSet.SetFile::format)
        .orElse(OutputFormat.JSON);
  }

  private static CsvStyle csv(PreviousSet set) throws IOException {
    return new CsvStyle(
        set.formulasEscaped(), set.summary().path("options").path("csv-bom").asBoolean(false));
  }

  /** Under the folder's lock, the set and its report committed together as a new generation. */
  private static LicenceReport.Result intoTheSet(LicenceReport report, Path input)
      throws IOException {
    set(input);
    try (Workspace workspace = Workspace.open(input)) {
      PreviousSet set = set(input);
      OutputFormat format = format(set);
      List<String> names = new ArrayList<>(workspace.stageCurrentSet(LicenceReport.fileNames()));
      LicenceReport.Result result = report.write(set, workspace.stagingFolder(), format, csv(set));
      names.addAll(result.fileNames());
      workspace.commit(names, workspace.strays(LicenceReport.fileNames(), names));
      return result;
    }
  }

  /** The report files written into {@code output}, each put in place by one rename. */
  private static LicenceReport.Result intoFolder(LicenceReport report, PreviousSet set, Path output)
      throws IOException {
    Files.createDirectories(output);
    Path staging = Files.createTempDirectory(output, ".aws-inventory-report-");
    try {
      LicenceReport.Result result = report.write(set, staging, format(set), csv(set));
      for (String name : result.fileNames()) {
        Files.move(
            staging.resolve(name),
            output.resolve(name),
            StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      }
      return result;
    } finally {
      try (Stream<Path> left = Files.walk(staging)) {
        for (Path path : left.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }
}
