package io.awsinventory.run;

import io.awsinventory.ExitCode;
import io.awsinventory.InventoryException;
import io.awsinventory.Printable;
import io.awsinventory.Status;
import io.awsinventory.Version;
import io.awsinventory.auth.Sessions;
import io.awsinventory.collect.ResourceTypes;
import io.awsinventory.fanout.FanOut;
import io.awsinventory.fanout.Outcome;
import io.awsinventory.fanout.Target;
import io.awsinventory.fanout.TargetRunner;
import io.awsinventory.output.FolderLock;
import io.awsinventory.output.RunSummary;
import io.awsinventory.output.RunSummary.AccountReport;
import io.awsinventory.output.Workspace;
import io.awsinventory.transport.AwsClients;
import io.awsinventory.transport.ErrorClassifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One {@code collect} run: reach the accounts, plan each account's regions, fan out, assemble the
 * files and the summary, and move them into place together.
 */
public final class InventoryRun {
  private final RunConfig config;
  private final PrintWriter err;
  private final Clock clock;
  private final RunProgress progress;
  private List<AccountReport> accountReports = List.of();
  private volatile String totals;
  private List<String> carried = List.of();
  private List<String> typeLookups = List.of();
  private long carriedTotal;
  private volatile Workspace workspace;
  private volatile ExitCode collectionCode;
  private List<String> rejectedAccounts = List.of();
  private NamedRegions namedRegionLines = NamedRegions.NONE;
  private ReportStep reportStep = new ReportStep(null);

  /**
   * @param progress how the run shows its progress while it works; closed by the run
   */
  public InventoryRun(RunConfig config, PrintWriter err, Clock clock, RunProgress progress) {
    this.config = config;
    this.err = err;
    this.clock = clock;
    this.progress = progress;
  }

  /** Writes the licence report of the new set before it is committed ({@code collect --report}). */
  public InventoryRun withReport(io.awsinventory.licence.LicenceReport licenceReport) {
    this.reportStep = new ReportStep(licenceReport);
    return this;
  }

  public ExitCode execute() throws InterruptedException {
    Instant startedAt = clock.instant();
    RunSummary summary = new RunSummary(Version.tool(), startedAt, config.describeForSummary());
    Capacity capacity = new Capacity(config.concurrency());
    Workspace workspace = openWorkspace();
    this.workspace = workspace;
    try (AwsClients clients = capacity.clients(config);
        workspace;
        progress;
        Sessions sessions = RunSessions.open(config, clients);
        SyncReader sync = SyncReader.open(config, clients, sessions);
        FanOut fanOut = new FanOut(capacity.workers());
        Interrupted report = new Interrupted(workspace, progress)) {
      TargetRunner runner =
          new TargetRunner(
              clients, workspace, capacity.spillSorter(), clock, progress, sync.sync());
      List<Function<Target, List<Outcome>>> chains =
          ResourceTypes.chains(ResourceTypes.steps(config.resources())).stream()
              .<Function<Target, List<Outcome>>>map(
                  chain -> target -> runner.runTarget(target, chain))
              .toList();
      AccountFanOut accounts = new AccountFanOut(config, clients, sessions, fanOut, err);
      accounts.run(
          chains,
          regions -> progress.addPlanned(regions * config.resources().size()),
          AccountPlanner.Unreachable::errorMessage);
      sessions
          .hops()
          .forEach(
              h ->
                  summary.identity(
                      h.hop(), h.roleArn(), h.identity().accountId(), h.identity().arn()));
      accountReports = accounts.accounts();
      typeLookups = RunReport.typeLookupLines(runner.typeLookupRefusals());
      rejectedAccounts = accounts.rejected();
      failIfNothingWasCollected(accounts);

      List<Outcome> sorted = accounts.outcomes();
      SetFiles files =
          new SetFiles(config, workspace, capacity.spillSorter(), clock, startedAt, err);
      CarryForward carry = files.carry(sorted);
      List<String> fileNames = files.write(sorted, carry, summary);
      carried = RunReport.carryLines(carry.byType());
      carriedTotal =
          carry.byType().values().stream().mapToLong(CarryForward.TypeResult::carried).sum();
      List<String> newSet = new ArrayList<>(fileNames);
      newSet.add(RunSummary.FILE_NAME);
      newSet.addAll(reportStep.names(config));
      List<String> strays = workspace.strays(SetFiles.ownFileNames(), newSet);
      summary.removedFiles(strays);
      summary.rejectedAccounts(accounts.rejected());
      NamedRegions named = accounts.namedRegions();
      ExitCode exitCode = exitCode(sorted);
      if (exitCode == ExitCode.OK
          && !(accounts.rejected().isEmpty() && named.failures().isEmpty())) {
        exitCode = ExitCode.PARTIAL;
      }
      namedRegionLines = named;
      accountReports.forEach(summary::account);
      RunReport.concurrency(summary, clients.adaptiveLimits());
      sorted.forEach(o -> summary.target(RunReport.row(o, carry.of(o))));
      summary.carryForwardDays(config.carryForwardDays());
      summary.finish(clock.instant(), exitCode.code(), totals(sorted));
      summary.write(workspace.staged(RunSummary.FILE_NAME));
      fileNames.add(RunSummary.FILE_NAME);
      reportStep.write(config, workspace, fileNames, strays);
      collectionCode = exitCode;
      workspace.commit(fileNames, strays);
      progress.close();
      report(sorted, fileNames, startedAt);
      return exitCode;
    } catch (IOException | UncheckedIOException e) {
      throw outputFailure("write", e);
    }
  }

  /** The output could not be prepared or written: exit 1, the previous files kept. */
  private InventoryException outputFailure(String what, Exception e) {
    return InventoryException.output(
        "could not "
            + what
            + " the output in "
            + config.outputDir()
            + " ("
            + ErrorClassifier.oneLine(e.getMessage())
            + "); the files of the previous run are unchanged",
        e);
  }

  /** Locks the output folder for this run: a second run into it stops here, before any call. */
  private Workspace openWorkspace() {
    try {
      return Workspace.open(config.outputDir());
    } catch (FolderLock.HeldException | FolderLock.UnsafeException e) {
      throw InventoryException.invalidInput("--output-dir", e.getMessage());
    } catch (IOException e) {
      throw outputFailure("prepare", e);
    }
  }

  /** Says what was done when a signal stops the run before its end. */
  private final class Interrupted implements AutoCloseable {
    private final Thread hook;

    Interrupted(Workspace workspace, RunProgress progress) {
      hook =
          new Thread(
              () -> {
                err.println(
                    "aws-inventory: interrupted after "
                        + progress.describe()
                        + (workspace.committed()
                            ? "; the new files were already in place"
                            : "; no file was replaced, the previous run's files are unchanged"));
                err.flush();
              },
              "aws-inventory-interrupted");
      Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs and reports
      }
    }
  }

  /**
   * A run that worked on no account x region writes nothing, so the previous set stays: exit 3 when
   * its scope came to nothing, exit 4 when no account could be reached.
   */
  private static void failIfNothingWasCollected(AccountFanOut accounts) {
    accounts
        .emptyScope()
        .ifPresent(
            why -> {
              throw InventoryException.nothingCollected(
                  "nothing to collect: " + why + "; the files of the previous run are unchanged");
            });
    if (accounts.targetsPlanned() > 0) {
      return;
    }
    accounts
        .unreachable()
        .findFirst()
        .ifPresent(
            failed -> {
              String message = "no account could be collected: " + failed.message();
              throw accounts.unreachableByNetworkOnly()
                  ? InventoryException.unreachable(message, null)
                  : InventoryException.authentication(message, null);
            });
  }

  static ExitCode exitCode(List<Outcome> outcomes) {
    if (outcomes.stream().anyMatch(Outcome::isInternalError)) {
      return ExitCode.INTERNAL;
    }
    boolean notOk = outcomes.stream().anyMatch(o -> o.status().incomplete());
    return notOk ? ExitCode.PARTIAL : ExitCode.OK;
  }

  private static Map<String, Long> totals(List<Outcome> outcomes) {
    Map<String, Long> totals = new LinkedHashMap<>();
    for (Status status : Status.values()) {
      totals.put(status.label(), outcomes.stream().filter(o -> o.status() == status).count());
    }
    return totals;
  }

  private void report(List<Outcome> sorted, List<String> fileNames, Instant startedAt) {
    namedRegionLines.warnings().forEach(err::println);
    RunReport.failureLines(sorted).forEach(err::println);
    carried.forEach(err::println);
    typeLookups.forEach(err::println);
    namedRegionLines.failures().forEach(err::println);
    reportStep.lines().forEach(err::println);
    for (String id : rejectedAccounts) {
      err.println(
          "failed: the organization listed '"
              + Printable.escape(id)
              + "', which is not an account id (12 digits); it was passed over");
    }
    String alsoCarried = carriedTotal == 0 ? "" : " and carried " + carriedTotal;
    totals =
        RunReport.records(sorted)
            + " records"
            + alsoCarried
            + "; "
            + RunReport.counts(sorted, accountReports);
    if (!config.quiet()) {
      for (AccountReport skipped : accountReports) {
        if (skipped.status().equals(Status.SKIPPED.label())) {
          err.printf("skipped: account %s: %s%n", skipped.accountId(), skipped.message());
        }
      }
      err.printf(
          "collected %d records%s in %ds: %s; files in %s: %s%n",
          RunReport.records(sorted),
          alsoCarried,
          Duration.between(startedAt, clock.instant()).toSeconds(),
          RunReport.counts(sorted, accountReports),
          config.outputDir(),
          String.join(", ", fileNames));
    }
    err.flush();
  }

  /**
   * This run's exit code once its new files are in place (waiting for a commit under way to end);
   * empty before.
   */
  public java.util.OptionalInt exitCodeOnceInPlace() {
    Workspace current = workspace;
    ExitCode code = collectionCode;
    return current != null && current.awaitCommitted() && code != null
        ? java.util.OptionalInt.of(code.code())
        : java.util.OptionalInt.empty();
  }

  /** The run's totals for the log's closing line, once it has ended; null before. */
  public String totals() {
    return totals;
  }
}
