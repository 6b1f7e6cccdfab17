package io.awsinventory.licence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.collect.DbInstancesCollector;
import io.awsinventory.collect.InstancesCollector;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.collect.ResourceTypes;
import io.awsinventory.output.CsvStyle;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.output.PreviousSet;
import io.awsinventory.output.RecordReader;
import io.awsinventory.output.TableWriter;
import io.awsinventory.schema.CsvRowSchemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The licence position of a committed set, as files beside it: {@code licence_instances} (one row
 * per countable unit and product), {@code licence_position} (the sums) and {@code
 * licence_report.html} (the page). It reads the set's instance and DB instance files one record at
 * a time, in whichever format they are, and makes no AWS call.
 */
public final class LicenceReport {
  /** What the report wrote, and what it found. */
  public record Result(
      List<String> fileNames,
      List<Position.Line> position,
      long rows,
      long notComputable,
      long flagged,
      long withoutProducts) {

    /** What the report wrote, one line per file, for stderr. */
    public List<String> lines() {
      List<String> lines = new ArrayList<>();
      lines.add(
          "report: "
              + fileNames.get(0)
              + ": "
              + rows
              + " rows ("
              + notComputable
              + " not computable, "
              + flagged
              + " flagged)");
      lines.add("report: " + fileNames.get(1) + ": " + position.size() + " lines");
      lines.add("report: " + fileNames.get(2));
      if (withoutProducts > 0) {
        lines.add(
            "warning: report: "
                + withoutProducts
                + " records carry no Products column (a set collected before the licence"
                + " columns): they count for nothing; collect again");
      }
      return lines;
    }
  }

  private final Rules rules;
  private final Entitlements entitlements;

  public LicenceReport(Rules rules, Entitlements entitlements) {
    this.rules = rules;
    this.entitlements = entitlements;
  }

  /** The names of the files the report writes in {@code format}. */
  public static List<String> fileNames(OutputFormat format) {
    return List.of(
        LicenceRow.STEM + "." + format.extension(),
        Position.STEM + "." + format.extension(),
        ReportPage.FILE_NAME);
  }

  /** Every file name the report can write, in any format: a set without a report drops them. */
  public static List<String> fileNames() {
    List<String> names = new ArrayList<>();
    for (OutputFormat format : OutputFormat.values()) {
      names.add(LicenceRow.STEM + "." + format.extension());
      names.add(Position.STEM + "." + format.extension());
    }
    names.add(ReportPage.FILE_NAME);
    return names;
  }

  /**
   * Writes the report of {@code set} into the folder {@code into}, in {@code format}.
   *
   * @throws IOException when a file of the set cannot be read, or a report file written
   */
  public Result write(PreviousSet set, Path into, OutputFormat format, CsvStyle csv)
      throws IOException {
    String rowsFile = fileNames(format).get(0);
    String positionFile = fileNames(format).get(1);
    Position position = new Position();
    ReportPage.Rows shown = new ReportPage.Rows();
    long[] counts = new long[4];
    try (TableWriter out =
        TableWriter.open(into.resolve(rowsFile), format, LicenceRow.COLUMNS, csv)) {
      LicenceRows rows =
          new LicenceRows(
              rules,
              row -> {
                try {
                  out.write(row.toJson());
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
                position.add(row);
                shown.add(row);
                counts[0]++;
                if (row.counted() && row.units() == null) {
                  counts[1]++;
                }
                if (row.flagged()) {
                  counts[2]++;
                }
              });
      try {
        counts[3] += read(set, InstancesCollector.NAME, rows::instance);
        counts[3] += read(set, DbInstancesCollector.NAME, rows::dbInstance);
        rows.finish();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    List<Position.Line> lines = position.lines(entitlements);
    try (TableWriter out =
        TableWriter.open(into.resolve(positionFile), format, Position.COLUMNS, csv)) {
      for (Position.Line line : lines) {
        out.write(line.toJson());
      }
    }
    ReportPage.write(into.resolve(ReportPage.FILE_NAME), set, lines, shown, rowsFile, rules);
    return new Result(fileNames(format), lines, counts[0], counts[1], counts[2], counts[3]);
  }

  /**
   * Feeds every record of the set's file of {@code resource} to {@code each}; the number of records
   * without a {@code Products} member (a set written before the licence columns).
   */
  private static long read(PreviousSet set, String resource, Consumer<ObjectNode> each)
      throws IOException {
    ResourceType type = ResourceTypes.named(resource).orElseThrow();
    Optional<PreviousSet.SetFile> file = set.file(type.layout().fileStem());
    if (file.isEmpty()) {
      return 0;
    }
    long without = 0;
    try (RecordReader records =
        RecordReader.open(
            file.get().path(),
            file.get().format(),
            file.get().format() == OutputFormat.CSV ? CsvRowSchemas.columnTypes(type) : Map.of(),
            type.layout().tagsMember())) {
      for (ObjectNode record = records.next(); record != null; record = records.next()) {
        if (!record.has("Products")) {
          without++;
        }
        each.accept(record);
      }
    }
    return without;
  }
}
