package io.awsinventory.run;

import io.awsinventory.ExitCode;
import io.awsinventory.Status;
import io.awsinventory.auth.Sessions;
import io.awsinventory.collect.ResourceDataSync;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.fanout.FanOut;
import io.awsinventory.fanout.Outcome;
import io.awsinventory.fanout.Target;
import io.awsinventory.fanout.TargetCalls;
import io.awsinventory.output.CheckReport;
import io.awsinventory.output.RunSummary;
import io.awsinventory.transport.AwsClients;
import io.awsinventory.transport.ErrorClassifier;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code check}, the "test connection": resolves every hop, lists the accounts, and for each
 * account x region x resource makes the cheapest call, recording ok, denied (with the IAM action
 * that is missing), failed or skipped.
 */
public final class CheckRun {
  private final RunConfig config;
  private final PrintWriter err;

  public CheckRun(RunConfig config, PrintWriter err) {
    this.config = config;
    this.err = err;
  }

  public CheckReport.Result run() throws InterruptedException {
    Capacity capacity = new Capacity(config.concurrency());
    try (AwsClients clients = capacity.clients(config);
        Sessions sessions = RunSessions.open(config, clients);
        SyncReader sync = SyncReader.open(config, clients, sessions);
        FanOut fanOut = new FanOut(capacity.workers())) {
      AccountFanOut accounts = new AccountFanOut(config, clients, sessions, fanOut, err);
      accounts.run(
          List.of(target -> probeTarget(clients, target, sync.sync())),
          regions -> {},
          AccountPlanner.Unreachable::message);
      List<Outcome> sorted = accounts.outcomes();
      List<CheckReport.Probe> probes = sorted.stream().map(CheckRun::probe).toList();
      List<CheckReport.Identity> hops = new ArrayList<>();
      sessions
          .hops()
          .forEach(
              h ->
                  hops.add(
                      new CheckReport.Identity(
                          h.hop(), h.roleArn(), h.identity().accountId(), h.identity().arn())));
      NamedRegions named = accounts.namedRegions();
      named.warnings().forEach(err::println);
      named.failures().forEach(err::println);
      err.flush();
      ExitCode code = exitCode(accounts, sorted);
      if (code == ExitCode.OK && !named.failures().isEmpty()) {
        code = ExitCode.PARTIAL;
      }
      return new CheckReport.Result(hops, accounts.accounts(), probes, code.code());
    }
  }

  private static ExitCode exitCode(AccountFanOut accounts, List<Outcome> sorted) {
    if (accounts.targetsPlanned() == 0) {
      // no account x region could be probed: nothing is reachable, whatever the reason
      return ExitCode.AUTHENTICATION;
    }
    boolean notOk = sorted.stream().anyMatch(p -> p.status().incomplete());
    return notOk ? ExitCode.PARTIAL : ExitCode.OK;
  }

  private List<Outcome> probeTarget(AwsClients clients, Target target, ResourceDataSync sync) {
    List<Outcome> outcomes = new ArrayList<>();
    try (TargetCalls apis = new TargetCalls(clients, target, sync)) {
      for (ResourceType type : config.resources()) {
        outcomes.add(probe(target, type, apis));
      }
    }
    return outcomes;
  }

  private static Outcome probe(Target target, ResourceType type, TargetCalls apis) {
    try {
      type.probe(apis);
      return new Outcome(target, type, Status.OK, 0, 0, null, null, null);
    } catch (RuntimeException e) {
      if (ErrorClassifier.notSetUp(type, e)) {
        return new Outcome(target, type, Status.OK, 0, 0, null, null, null);
      }
      ErrorClassifier.Classified failure = ErrorClassifier.classify(e);
      if (failure.code().equals(ErrorClassifier.INTERNAL_ERROR)) {
        throw e;
      }
      return new Outcome(
          target, type, failure.status(), 0, 0, failure.code(), failure.message(), null);
    }
  }

  private static CheckReport.Probe probe(Outcome outcome) {
    ResourceType type = outcome.resource();
    return new CheckReport.Probe(
        outcome.target().account().id(),
        outcome.target().account().name(),
        outcome.target().region(),
        type.name(),
        outcome.status(),
        outcome.errorCode(),
        outcome.message(),
        // a whole account's row was denied before any of its type's calls: its message names the
        // call (its role, or ec2:DescribeRegions)
        outcome.status() == Status.DENIED
                && !RunSummary.ALL_REGIONS.equals(outcome.target().region())
            ? type.iamActions().get(0)
            : null);
  }
}
