package io.awsinventory;

import io.awsinventory.auth.BaseCredentials;
import io.awsinventory.auth.CallerIdentity;
import io.awsinventory.discovery.Account;
import io.awsinventory.discovery.Partitions;
import io.awsinventory.discovery.RegionDiscovery;
import io.awsinventory.discovery.RegionStatus;
import io.awsinventory.fanout.AwsClients;
import io.awsinventory.fanout.ErrorClassifier;
import io.awsinventory.fanout.Outcome;
import io.awsinventory.fanout.Progress;
import io.awsinventory.fanout.Status;
import io.awsinventory.fanout.Target;
import io.awsinventory.fanout.TargetRunner;
import io.awsinventory.output.FileAssembler;
import io.awsinventory.output.RunSummary;
import io.awsinventory.output.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * One {@code collect} run: verify the credentials, plan the targets, fan out, assemble the files
 * and the summary, and move them into place together.
 */
public final class InventoryRun {
  static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(15);
  private static final int FAILURES_SHOWN = 20;

  private final RunConfig config;
  private final PrintWriter err;
  private final Clock clock;

  public InventoryRun(RunConfig config, PrintWriter err, Clock clock) {
    this.config = config;
    this.err = err;
    this.clock = clock;
  }

  public ExitCode execute() throws InterruptedException {
    Instant startedAt = clock.instant();
    RunSummary summary = new RunSummary(Version.tool(), startedAt, config.describeForSummary());
    Progress progress =
        config.quiet() ? Progress.silent() : Progress.printingTo(err, PROGRESS_INTERVAL);
    try (AwsClients clients = new AwsClients(config.concurrency(), config.endpointUrl());
        Workspace workspace = openWorkspace();
        progress) {
      AwsCredentialsProvider base = BaseCredentials.provider(config.credentials());
      CallerIdentity identity = identify(clients, base);
      summary.identity("base", identity.accountId(), identity.arn());
      Account account = new Account(identity.accountId(), null);

      List<Outcome> outcomes = new ArrayList<>();
      List<Target> targets = new ArrayList<>();
      planRegions(clients, base, account, targets, outcomes);
      outcomes.addAll(
          new TargetRunner(clients, workspace, config.concurrency(), clock, progress)
              .run(targets, config.resources()));
      outcomes.sort(ORDER);

      List<String> fileNames = writeFiles(workspace, outcomes, summary);
      ExitCode exitCode = exitCode(outcomes);
      for (Outcome outcome : outcomes) {
        summary.target(
            outcome.target().account().id(),
            outcome.target().account().name(),
            outcome.target().region(),
            outcome.resource().optionName(),
            outcome.status().label(),
            outcome.records(),
            outcome.durationMillis(),
            outcome.errorCode(),
            outcome.message());
      }
      summary.finish(clock.instant(), exitCode.code(), totals(outcomes));
      summary.write(workspace.staged(RunSummary.FILE_NAME));
      fileNames.add(RunSummary.FILE_NAME);
      workspace.commit(fileNames);
      report(outcomes, fileNames, startedAt);
      return exitCode;
    } catch (IOException | UncheckedIOException e) {
      throw InventoryException.output(
          "could not write the output in "
              + config.outputDir()
              + " ("
              + ErrorClassifier.oneLine(e.getMessage())
              + "); the files of the previous run are unchanged",
          e);
    }
  }

  private static final Comparator<Outcome> ORDER =
      Comparator.comparing((Outcome o) -> o.target().account().id())
          .thenComparing(o -> o.target().region())
          .thenComparing(Outcome::resource);

  private Workspace openWorkspace() throws IOException {
    return Workspace.open(config.outputDir());
  }

  private CallerIdentity identify(AwsClients clients, AwsCredentialsProvider base) {
    try (StsClient sts = clients.sts(base, config.homeRegion())) {
      return CallerIdentity.of(sts);
    } catch (SdkException e) {
      ErrorClassifier.Classified failure = ErrorClassifier.classify(e);
      throw InventoryException.authentication(
          "authentication failed with "
              + config.credentials().describe()
              + ": "
              + failure.code()
              + ": "
              + failure.message(),
          e);
    }
  }

  private void planRegions(
      AwsClients clients,
      AwsCredentialsProvider credentials,
      Account account,
      List<Target> targets,
      List<Outcome> outcomes) {
    String partition = Partitions.partitionOf(config.homeRegion());
    Map<String, RegionStatus> known;
    try (Ec2Client ec2 = clients.ec2(credentials, config.homeRegion())) {
      known =
          RegionDiscovery.describe(ec2, partition).stream()
              .collect(
                  Collectors.toMap(
                      RegionStatus::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    } catch (SdkException e) {
      ErrorClassifier.Classified failure = ErrorClassifier.classify(e);
      if (!config.regions().isEmpty() && failure.status() == Status.DENIED) {
        err.println(
            "warning: ec2:DescribeRegions was denied; collecting the regions given without"
                + " checking which are enabled");
        config.regions().forEach(r -> targets.add(new Target(account, credentials, r)));
        return;
      }
      throw InventoryException.authentication(
          "could not list the regions of account "
              + account.id()
              + " (ec2:DescribeRegions in "
              + config.homeRegion()
              + "): "
              + failure.code()
              + ": "
              + failure.message(),
          e);
    }
    List<String> wanted =
        config.regions().isEmpty() ? new ArrayList<>(known.keySet()) : config.regions();
    for (String region : new TreeSet<>(wanted)) {
      Optional<RegionStatus> status = Optional.ofNullable(known.get(region));
      Target target = new Target(account, credentials, region);
      if (status.isPresent() && status.get().enabled()) {
        targets.add(target);
      } else {
        String reason =
            status.isPresent()
                ? "region not enabled for this account (" + status.get().optInStatus() + ")"
                : "region not offered to this account by ec2:DescribeRegions";
        for (ResourceType type : new TreeSet<>(config.resources())) {
          outcomes.add(Outcome.skipped(target, type, reason));
        }
      }
    }
  }

  private List<String> writeFiles(Workspace workspace, List<Outcome> outcomes, RunSummary summary)
      throws IOException {
    FileAssembler assembler =
        new FileAssembler(config.format(), config.tagColumns(), config.csvEscapeFormulas());
    List<String> names = new ArrayList<>();
    for (ResourceType type : new TreeSet<>(config.resources())) {
      List<Path> spills =
          outcomes.stream()
              .filter(o -> o.resource() == type && o.spill() != null)
              .map(Outcome::spill)
              .toList();
      String name = assembler.fileName(type);
      long records = assembler.assemble(type, spills, workspace.staged(name));
      summary.file(name, type.optionName(), records);
      names.add(name);
    }
    return names;
  }

  static ExitCode exitCode(List<Outcome> outcomes) {
    if (outcomes.stream().anyMatch(Outcome::isInternalError)) {
      return ExitCode.INTERNAL;
    }
    boolean notOk =
        outcomes.stream().anyMatch(o -> o.status() == Status.DENIED || o.status() == Status.FAILED);
    return notOk ? ExitCode.PARTIAL : ExitCode.OK;
  }

  private static Map<String, Long> totals(List<Outcome> outcomes) {
    Map<String, Long> totals = new LinkedHashMap<>();
    for (Status status : Status.values()) {
      totals.put(status.label(), outcomes.stream().filter(o -> o.status() == status).count());
    }
    return totals;
  }

  private void report(List<Outcome> outcomes, List<String> fileNames, Instant startedAt) {
    List<Outcome> failures =
        outcomes.stream()
            .filter(o -> o.status() == Status.DENIED || o.status() == Status.FAILED)
            .toList();
    for (Outcome failure : failures.subList(0, Math.min(FAILURES_SHOWN, failures.size()))) {
      err.printf(
          "%s: account %s, %s, %s: %s: %s%n",
          failure.status().label(),
          failure.target().account().id(),
          failure.target().region(),
          failure.resource().optionName(),
          failure.errorCode(),
          failure.message());
    }
    if (failures.size() > FAILURES_SHOWN) {
      err.printf(
          "... and %d more; see %s%n", failures.size() - FAILURES_SHOWN, RunSummary.FILE_NAME);
    }
    if (!config.quiet()) {
      Map<Status, Long> counts =
          outcomes.stream().collect(Collectors.groupingBy(Outcome::status, Collectors.counting()));
      long records = outcomes.stream().mapToLong(Outcome::records).sum();
      err.printf(
          "collected %d records in %ds: %d ok, %d denied, %d failed, %d skipped; files in %s: %s%n",
          records,
          Duration.between(startedAt, clock.instant()).toSeconds(),
          counts.getOrDefault(Status.OK, 0L),
          counts.getOrDefault(Status.DENIED, 0L),
          counts.getOrDefault(Status.FAILED, 0L),
          counts.getOrDefault(Status.SKIPPED, 0L),
          config.outputDir(),
          String.join(", ", fileNames));
    }
    err.flush();
  }
}
