package io.awsinventory.cli;

import io.awsinventory.ExitCode;
import io.awsinventory.InventoryException;
import io.awsinventory.history.Diff;
import io.awsinventory.history.DiffSources;
import io.awsinventory.history.HistoryDatabase;
import io.awsinventory.history.Runs;
import io.awsinventory.output.CsvStyle;
import io.awsinventory.output.FolderLock;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.output.PreviousSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code aws-inventory diff}: what changed between two runs of the history database, or between the
 * sets of two output folders: per type, the rows added, removed and changed by key.
 */
@Command(
    name = "diff",
    description =
        "Show what changed between two runs (--database; default: the last two of the newest"
            + " run's scope) or two output folders (--from-dir, --to-dir): a diff_<type> file per"
            + " type, and a line per type on stderr.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
      "    aws-inventory diff --database sqlite:/var/lib/aws-inventory/history.db \\",
      "      --from 2026-11-01 --to 2026-11-30 --output-dir changes",
      "    aws-inventory diff --from-dir last-month --to-dir inventory --output-dir changes",
      "",
      "Exit codes: 0 diff written, 1 a file could not be written, 2 bad option or no such run or"
          + " set, 6 the database could not be read."
    })
public final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config = new ConfigOption();
  @Mixin DatabaseOptions database = new DatabaseOptions();

  @Option(
      names = "--from",
      paramLabel = "RUN|DATE",
      description =
          "The earlier run: its id, or a day (YYYY-MM-DD: the last run at or before its end, UTC).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "RUN|DATE",
      description = "The later run (default: the newest).")
  String to;

  @Option(
      names = "--from-dir",
      paramLabel = "DIR",
      description = "The output folder of the earlier set (no database needed).")
  String fromDir;

  @Option(
      names = "--to-dir",
      paramLabel = "DIR",
      description =
          "The output folder of the later set (default with --from-dir: the config file's"
              + " output-dir).")
  String toDir;

  @Option(
      names = "--output-dir",
      paramLabel = "DIR",
      description = "Where the diff files go (command line only; default: aws-inventory-diff).")
  String outputDir;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      converter = FormatOption.Converter.class,
      completionCandidates = FormatOption.Names.class,
      description = "${COMPLETION-CANDIDATES} (default: json).")
  OutputFormat format;

  @Override
  public Integer call() {
    ConfigFile.check(spec);
    // the config file's output-dir is the later set only when folders are compared
    boolean folders =
        fromDir != null || spec.commandLine().getParseResult().hasMatchedOption("--to-dir");
    if (folders && (fromDir == null || toDir == null)) {
      throw InventoryException.invalidInput(
          fromDir == null ? "--from-dir" : "--to-dir", "is needed with the other: two folders");
    }
    if (folders && (from != null || to != null)) {
      throw InventoryException.invalidInput(
          from != null ? "--from" : "--to", "names a run of the database, not of folders");
    }
    Path output = folder("--output-dir", outputDir == null ? "aws-inventory-diff" : outputDir);
    OutputFormat written = format == null ? OutputFormat.JSON : format;
    PrintWriter err = spec.commandLine().getErr();
    Map<String, Diff.Counts> counts;
    String between;
    try {
      Files.createDirectories(output);
      if (folders) {
        PreviousSet a = set("--from-dir", fromDir);
        PreviousSet b = set("--to-dir", toDir);
        counts =
            DiffSources.write(
                DiffSources.of(a), DiffSources.of(b), output, written, CsvStyle.PLAIN);
        between = fromDir + " and " + toDir;
      } else {
        DatabaseOptions.Settings settings =
            database
                .settings(System.getenv())
                .orElseThrow(
                    () ->
                        InventoryException.invalidInput(
                            "--database", "is needed, or --from-dir and --to-dir"));
        try (HistoryDatabase history =
                HistoryDatabase.open(settings.url(), settings.user(), settings.password());
            HistoryDatabase second =
                HistoryDatabase.open(settings.url(), settings.user(), settings.password())) {
          List<Runs.Run> pair;
          try {
            pair = Runs.pair(history, from, to);
          } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            int colon = message.indexOf(": ");
            throw InventoryException.invalidInput(
                message.substring(0, colon), message.substring(colon + 2));
          }
          counts =
              DiffSources.write(
                  DiffSources.of(history, pair.get(0).runId()),
                  DiffSources.of(second, pair.get(1).runId()),
                  output,
                  written,
                  CsvStyle.PLAIN);
          between =
              "runs "
                  + pair.get(0).runId()
                  + " ("
                  + pair.get(0).endedAt()
                  + ") and "
                  + pair.get(1).runId()
                  + " ("
                  + pair.get(1).endedAt()
                  + ")";
        } catch (SQLException e) {
          err.println(settings.failure("read", e));
          err.flush();
          return ExitCode.DELIVERY.code();
        }
      }
    } catch (IOException e) {
      throw InventoryException.output(
          "could not write the diff in " + output + ": " + e.getMessage(), e);
    }
    err.println("diff: " + between + ", into " + output);
    counts.forEach(
        (file, c) ->
            err.printf(
                "diff: %s: %d added, %d removed, %d changed%n",
                file, c.added(), c.removed(), c.changed()));
    err.flush();
    return ExitCode.OK.code();
  }

  private static Path folder(String option, String value) {
    try {
      return Path.of(value).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw InventoryException.invalidInput(option, "'" + value + "' is not a valid path");
    }
  }

  private static PreviousSet set(String option, String value) throws IOException {
    Path dir = folder(option, value);
    if (!Files.isDirectory(dir)) {
      throw InventoryException.invalidInput(option, dir + " is not a folder");
    }
    try {
      return PreviousSet.in(dir)
          .orElseThrow(
              () ->
                  InventoryException.invalidInput(
                      option, dir + " holds no committed set of files"));
    } catch (FolderLock.UnsafeException e) {
      throw InventoryException.invalidInput(option, e.getMessage());
    }
  }
}
