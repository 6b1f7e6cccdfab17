package io.awsinventory.run;

import io.awsinventory.licence.LicenceReport;
import io.awsinventory.output.PreviousSet;
import io.awsinventory.output.Workspace;
import io.awsinventory.transport.ErrorClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code collect --report}: the licence report of the run's staged set, written before the swap so
 * the set and its report are committed together. A report that cannot be written costs the report,
 * never the set: the set is committed without one (and without the previous run's).
 */
final class ReportStep {
  private final LicenceReport report;
  private final List<String> lines = new ArrayList<>();

  /**
   * @param report the report to write, or null when the run writes none
   */
  ReportStep(LicenceReport report) {
    this.report = report;
  }

  /** The names the report will have in the new set. */
  List<String> names(RunConfig config) {
    return report == null ? List.of() : LicenceReport.fileNames(config.format());
  }

  /**
   * Writes the report of the staged set (run summary included) into the staging folder and adds its
   * files to {@code fileNames}; if it fails, adds the previous report's files to {@code strays}
   * instead.
   */
  void write(RunConfig config, Workspace workspace, List<String> fileNames, List<String> strays)
      throws IOException {
    if (report == null) {
      return;
    }
    try {
      LicenceReport.Result result =
          report.write(
              PreviousSet.at(workspace.stagingFolder()),
              workspace.stagingFolder(),
              config.format(),
              config.csv());
      fileNames.addAll(result.fileNames());
      lines.addAll(result.lines());
    } catch (IOException | UncheckedIOException e) {
      strays.addAll(workspace.strays(names(config), List.of()));
      lines.add(
          "failed: report: the licence report could not be written ("
              + ErrorClassifier.oneLine(e.getMessage())
              + "); the set is committed without it");
    }
  }

  /** What the report said, for stderr after the run's own lines. */
  List<String> lines() {
    return lines;
  }
}
