package io.awsinventory.fanout;

import io.awsinventory.ExitCode;
import io.awsinventory.ResourceType;
import io.awsinventory.RunConfig;
import io.awsinventory.auth.Sessions;
import io.awsinventory.collect.Collectors;
import io.awsinventory.discovery.ListedAccount;
import io.awsinventory.output.RunSummary;
import io.awsinventory.output.RunSummary.AccountReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code check}, the "test connection": resolves every hop, lists the accounts, and for each
 * account x region x resource makes the cheapest call, recording ok, denied (with the IAM action
 * that is missing), failed or skipped.
 */
public final class ConnectionCheck {
  /** One account x region x resource probe. */
  public record Probe(
      String accountId,
      String accountName,
      String region,
      ResourceType resource,
      Status status,
      String errorCode,
      String message,
      String missingAction) {}

  /** Everything the check found, and the exit code it comes to. */
  public record Result(
      List<Sessions.HopIdentity> hops,
      List<AccountReport> accounts,
      List<Probe> probes,
      ExitCode exitCode) {}

  private final RunConfig config;
  private final PrintWriter err;
  private final Queue<Probe> probes = new ConcurrentLinkedQueue<>();
  private final Queue<AccountReport> accounts = new ConcurrentLinkedQueue<>();
  private final AtomicInteger regionsProbed = new AtomicInteger();

  public ConnectionCheck(RunConfig config, PrintWriter err) {
    this.config = config;
    this.err = err;
  }

  public Result run() throws InterruptedException {
    try (AwsClients clients = AwsClients.forRun(config);
        Sessions sessions = Sessions.open(config, clients);
        FanOut fanOut = new FanOut(config.concurrency())) {
      Sessions.AccountList list = sessions.accounts();
      for (Sessions.Skipped skipped : list.skipped()) {
        accounts.add(AccountPlanner.report(skipped));
      }
      AccountPlanner planner = new AccountPlanner(sessions, clients, config, err);
      for (ListedAccount account : list.toCollect()) {
        fanOut.submit(() -> checkAccount(account, planner, clients, fanOut));
      }
      fanOut.awaitAll();

      List<Probe> sorted = new ArrayList<>(probes);
      sorted.sort(
          Comparator.comparing(Probe::accountId)
              .thenComparing(Probe::region)
              .thenComparing(Probe::resource));
      List<AccountReport> reports = new ArrayList<>(accounts);
      reports.sort(Comparator.comparing(AccountReport::accountId));
      return new Result(sessions.hops(), reports, sorted, exitCode(sorted, reports));
    }
  }

  private ExitCode exitCode(List<Probe> sorted, List<AccountReport> reports) {
    boolean unreachable =
        reports.stream()
            .anyMatch(
                r ->
                    r.status().equals(Status.DENIED.label())
                        || r.status().equals(Status.FAILED.label()));
    if (regionsProbed.get() == 0 && unreachable) {
      return ExitCode.AUTHENTICATION;
    }
    boolean notOk =
        sorted.stream().anyMatch(p -> p.status() == Status.DENIED || p.status() == Status.FAILED);
    return notOk ? ExitCode.PARTIAL : ExitCode.OK;
  }

  private void checkAccount(
      ListedAccount listed, AccountPlanner planner, AwsClients clients, FanOut fanOut) {
    AccountPlanner.Result result = planner.plan(listed);
    if (result instanceof AccountPlanner.Unreachable unreachable) {
      accounts.add(unreachable.report());
      for (ResourceType type : new TreeSet<>(config.resources())) {
        probes.add(
            new Probe(
                listed.id(),
                listed.name(),
                RunSummary.ALL_REGIONS,
                type,
                unreachable.status(),
                unreachable.errorCode(),
                unreachable.message(),
                null));
      }
      return;
    }
    AccountPlanner.Planned planned = (AccountPlanner.Planned) result;
    accounts.add(planned.report());
    planned
        .regions()
        .skipped()
        .forEach(
            (region, reason) -> {
              for (ResourceType type : new TreeSet<>(config.resources())) {
                probes.add(
                    new Probe(
                        listed.id(),
                        listed.name(),
                        region,
                        type,
                        Status.SKIPPED,
                        null,
                        reason,
                        null));
              }
            });
    List<String> regions = planned.regions().enabled();
    if (regions.isEmpty()) {
      planned.session().close();
      return;
    }
    regionsProbed.addAndGet(regions.size());
    AtomicInteger remaining = new AtomicInteger(regions.size());
    for (String region : regions) {
      Target target = new Target(listed.account(), planned.session().credentials(), region);
      fanOut.submit(
          () -> {
            try (TargetClients apis = new TargetClients(clients, target)) {
              for (ResourceType type : new TreeSet<>(config.resources())) {
                probes.add(probe(listed, region, type, apis));
              }
            } finally {
              if (remaining.decrementAndGet() == 0) {
                planned.session().close();
              }
            }
          });
    }
  }

  private static Probe probe(
      ListedAccount account, String region, ResourceType type, TargetClients apis) {
    try {
      Collectors.of(type).probe(apis);
      return new Probe(account.id(), account.name(), region, type, Status.OK, null, null, null);
    } catch (RuntimeException e) {
      ErrorClassifier.Classified failure = ErrorClassifier.classify(e);
      if (failure.code().equals(ErrorClassifier.INTERNAL_ERROR)) {
        throw e;
      }
      String missing = failure.status() == Status.DENIED ? type.iamActions().get(0) : null;
      return new Probe(
          account.id(),
          account.name(),
          region,
          type,
          failure.status(),
          failure.code(),
          failure.message(),
          missing);
    }
  }
}
