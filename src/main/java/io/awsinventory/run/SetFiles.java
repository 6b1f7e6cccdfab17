package io.awsinventory.run;

import io.awsinventory.collect.ResourceType;
import io.awsinventory.collect.ResourceTypes;
import io.awsinventory.fanout.Outcome;
import io.awsinventory.licence.LicenceReport;
import io.awsinventory.output.Coverage;
import io.awsinventory.output.FileAssembler;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.output.PreviousSet;
import io.awsinventory.output.RunSummary;
import io.awsinventory.output.Spill;
import io.awsinventory.output.SpillSorter;
import io.awsinventory.output.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The files of a run's set, staged for the commit: one data file per resource type, assembled from
 * the spills of the targets read and those carried from the previous set (in key order), and the
 * coverage file. Each file's counts go into the summary.
 */
final class SetFiles {
  private final RunConfig config;
  private final Workspace workspace;
  private final SpillSorter sorter;
  private final Clock clock;
  private final Instant startedAt;
  private final PrintWriter err;
  private Optional<PreviousSet> previous = Optional.empty();

  SetFiles(
      RunConfig config,
      Workspace workspace,
      SpillSorter sorter,
      Clock clock,
      Instant startedAt,
      PrintWriter err) {
    this.config = config;
    this.workspace = workspace;
    this.sorter = sorter;
    this.clock = clock;
    this.startedAt = startedAt;
    this.err = err;
  }

  /** Carries the records of the targets not read from the set the folder holds now, if any. */
  CarryForward carry(List<Outcome> sorted) throws IOException {
    previous = PreviousSet.in(config.outputDir());
    CarryForward carry =
        new CarryForward(workspace, sorter, clock, startedAt, config.carryForwardDays());
    if (previous.isPresent() && config.carryForwardDays() > 0) {
      carry.carry(previous.get(), config.resources(), sorted);
    }
    return carry;
  }

  /** Stages the data files and the coverage file; returns their names, in order. */
  List<String> write(List<Outcome> sorted, CarryForward carry, RunSummary summary)
      throws IOException {
    FileAssembler assembler = new FileAssembler(config.format(), config.tagColumns(), config.csv());
    List<String> names = new ArrayList<>();
    if (!config.tagColumns().isEmpty() && config.format() != OutputFormat.CSV) {
      err.println(
          "warning: --tag-columns applies to --format csv; "
              + config.format().extension()
              + " records keep every tag in their tags member");
    }
    for (ResourceType type : config.resources()) {
      List<Spill> spills = new ArrayList<>();
      long duplicates = 0;
      for (Outcome o : sorted) {
        if (o.resource() != type) {
          continue;
        }
        List<CarryForward.Carried> carried = carry.of(o);
        if (carried.isEmpty() && o.spill() != null) {
          spills.add(o.spill());
        }
        carried.stream()
            .sorted(Comparator.comparing(CarryForward.Carried::region))
            .filter(c -> c.spill() != null)
            .forEach(c -> spills.add(c.spill()));
        duplicates += o.spill() == null ? 0 : o.spill().duplicates();
        duplicates += carried.stream().mapToLong(CarryForward.Carried::duplicates).sum();
      }
      String name = assembler.fileName(type.layout());
      long records = assembler.assemble(type.layout(), spills, workspace.staged(name));
      CarryForward.TypeResult typeCarry =
          carry.byType().getOrDefault(type, new CarryForward.TypeResult(0, 0, null));
      summary.file(
          new RunSummary.FileRow(
              name,
              type.name(),
              records,
              typeCarry.carried(),
              typeCarry.expired(),
              duplicates,
              typeCarry.notCarried()));
      names.add(name);
    }
    if (config.format() == OutputFormat.CSV) {
      RunReport.unknownTagColumns(config.tagColumns(), assembler.tagKeysSeen())
          .forEach(err::println);
    }
    String coverage = Coverage.fileName(config.format());
    List<Coverage.Row> rows = CoverageRows.of(sorted, carry, previous.orElse(null), startedAt);
    Coverage.write(workspace.staged(coverage), config.format(), config.csv(), rows);
    summary.coverage(coverage, rows.size());
    names.add(coverage);
    return names;
  }

  /** Every name a file of this tool can have in the output folder, in any format. */
  static List<String> ownFileNames() {
    List<String> names = new ArrayList<>();
    for (ResourceType type : ResourceTypes.all()) {
      for (OutputFormat format : OutputFormat.values()) {
        names.add(type.layout().fileName(format));
      }
    }
    for (OutputFormat format : OutputFormat.values()) {
      names.add(Coverage.fileName(format));
    }
    names.add(RunSummary.FILE_NAME);
    names.addAll(LicenceReport.fileNames());
    return names;
  }
}
