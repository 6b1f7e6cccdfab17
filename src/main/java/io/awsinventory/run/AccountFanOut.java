package io.awsinventory.run;

import io.awsinventory.Account;
import io.awsinventory.Status;
import io.awsinventory.auth.AccountSession;
import io.awsinventory.auth.Sessions;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.discovery.AccountSelection;
import io.awsinventory.discovery.ListedAccount;
import io.awsinventory.fanout.FanOut;
import io.awsinventory.fanout.Outcome;
import io.awsinventory.fanout.Target;
import io.awsinventory.output.RunSummary;
import io.awsinventory.output.RunSummary.AccountReport;
import io.awsinventory.transport.AwsClients;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * The account fan-out that {@code collect} and {@code check} share: select the accounts, reach and
 * plan each one on the pool, and hand every enabled account x region to the run's target task.
 * Accounts and regions that cannot be worked on become rows for every resource type, so the summary
 * and the check matrix say why.
 */
final class AccountFanOut {
  private final RunConfig config;
  private final AwsClients clients;
  private final Sessions sessions;
  private final FanOut fanOut;
  private final PrintWriter err;
  private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final Queue<AccountReport> accounts = new ConcurrentLinkedQueue<>();
  private final AtomicInteger targetsPlanned = new AtomicInteger();
  private final Set<String> enabledSomewhere = ConcurrentHashMap.newKeySet();
  private AccountSelection selection;

  /** Accounts the network kept the run from, rather than AWS refusing them. */
  private final Set<String> cutOff = ConcurrentHashMap.newKeySet();

  /** The error code of an account named in {@code --accounts} that the organization lacks. */
  static final String NOT_FOUND = "not-found";

  AccountFanOut(
      RunConfig config, AwsClients clients, Sessions sessions, FanOut fanOut, PrintWriter err) {
    this.config = config;
    this.clients = clients;
    this.sessions = sessions;
    this.fanOut = fanOut;
    this.err = err;
  }

  /**
   * Works on every account x region of the run and waits for the last task.
   *
   * @param tasks what the run does with one target, each a task of its own on the pool (the
   *     target's chains of steps, which run side by side); their outcomes are kept
   * @param planned told how many regions each reached account adds
   * @param unreachableMessage the message of an unreachable account's rows, from its failure
   */
  void run(
      List<Function<Target, List<Outcome>>> tasks,
      IntConsumer planned,
      Function<AccountPlanner.Unreachable, String> unreachableMessage)
      throws InterruptedException {
    AccountPlanner planner = new AccountPlanner(sessions, clients, config, err);
    // an account the selection is sure to collect is planned as soon as the organization lists it:
    // the listing of a large organization is hundreds of pages, one after the other
    Set<String> started = ConcurrentHashMap.newKeySet();
    Consumer<ListedAccount> start =
        account -> {
          if (started.add(account.id())) {
            fanOut.submit(() -> planAccount(account, planner, tasks, planned, unreachableMessage));
          }
        };
    Consumer<ListedAccount> startEarly =
        account -> {
          if (AccountSelection.collectsAsListed(config.access().scope(), account)) {
            // the master chain's check ran beside the organization's first page: a failed one
            // ends the run here, before any account is reached
            sessions.hops();
            start.accept(account);
          }
        };
    AccountSelection selection =
        AccountSelection.select(
            config.access().scope(),
            () -> OrganizationListing.list(config, clients, sessions, startEarly),
            () -> sessions.masterIdentity().accountId());
    this.selection = selection;
    sessions.hops();
    selection.skipped().forEach(s -> accounts.add(AccountPlanner.report(s)));
    for (String id : selection.notFound()) {
      String message = "account " + id + " is not in the organization's account list";
      accounts.add(new AccountReport(id, null, null, null, Status.NOT_FOUND.label(), message));
      Target target = new Target(new Account(id, null), null, RunSummary.ALL_REGIONS);
      for (ResourceType type : config.resources()) {
        outcomes.add(Outcome.notRead(target, type, Status.NOT_FOUND, NOT_FOUND, message));
      }
    }
    selection.toCollect().forEach(start);
    fanOut.awaitAll();
  }

  private void planAccount(
      ListedAccount listed,
      AccountPlanner planner,
      List<Function<Target, List<Outcome>>> tasks,
      IntConsumer planned,
      Function<AccountPlanner.Unreachable, String> unreachableMessage) {
    AccountPlanner.Result result = planner.plan(listed);
    if (result instanceof AccountPlanner.Unreachable unreachable) {
      accounts.add(unreachable.report());
      if (unreachable.network()) {
        cutOff.add(listed.id());
      }
      Target target = new Target(listed.account(), null, RunSummary.ALL_REGIONS);
      for (ResourceType type : config.resources()) {
        outcomes.add(
            new Outcome(
                target,
                type,
                unreachable.status(),
                0,
                0,
                unreachable.errorCode(),
                unreachableMessage.apply(unreachable),
                null));
      }
      return;
    }
    AccountPlanner.Planned reached = (AccountPlanner.Planned) result;
    Account account = listed.account();
    AccountSession session = reached.session();
    accounts.add(reached.report());
    reached
        .regions()
        .notEnabled()
        .forEach(
            (region, reason) -> {
              Target target = new Target(account, session.credentials(), region);
              for (ResourceType type : config.resources()) {
                outcomes.add(Outcome.notRead(target, type, Status.NOT_ENABLED, null, reason));
              }
            });
    List<String> regions = reached.regions().enabled();
    enabledSomewhere.addAll(regions);
    if (regions.isEmpty()) {
      session.close();
      return;
    }
    targetsPlanned.addAndGet(regions.size());
    planned.accept(regions.size());
    AtomicInteger remaining = new AtomicInteger(regions.size() * tasks.size());
    for (String region : regions) {
      Target target = new Target(account, session.credentials(), region);
      for (Function<Target, List<Outcome>> task : tasks) {
        fanOut.submit(
            () -> {
              try {
                outcomes.addAll(task.apply(target));
              } finally {
                if (remaining.decrementAndGet() == 0) {
                  session.close();
                }
              }
            });
      }
    }
  }

  /** Rows are ordered by account, region and resource, so two runs diff cleanly. */
  private static final Comparator<Outcome> ORDER =
      Comparator.comparing((Outcome o) -> o.target().account().id())
          .thenComparing(o -> o.target().region())
          .thenComparing(Outcome::resource);

  /** Every row so far, in account, region and resource order. */
  List<Outcome> outcomes() {
    List<Outcome> sorted = new ArrayList<>(outcomes);
    sorted.sort(ORDER);
    return sorted;
  }

  /** The account rows, in account-id order. */
  List<AccountReport> accounts() {
    List<AccountReport> sorted = new ArrayList<>(accounts);
    sorted.sort(Comparator.comparing(AccountReport::accountId));
    return sorted;
  }

  /** How many account x regions were handed to the task. */
  int targetsPlanned() {
    return targetsPlanned.get();
  }

  /**
   * Why the run has no account to collect (every account filtered out, skipped or not in the
   * organization); empty when some account was in scope, reached or not.
   */
  Optional<String> emptyScope() {
    // reached accounts whose regions are all skipped are a scope too: their rows say why
    if (!selection.toCollect().isEmpty()) {
      return Optional.empty();
    }
    List<String> reasons = new ArrayList<>();
    selection
        .notFound()
        .forEach(id -> reasons.add("account " + id + " is not in the organization"));
    selection
        .skipped()
        .forEach(s -> reasons.add("account " + s.account().id() + ": " + s.reason()));
    if (reasons.isEmpty()) {
      reasons.add("no account matches the account options");
    }
    int shown = Math.min(5, reasons.size());
    String more = reasons.size() > shown ? "; and " + (reasons.size() - shown) + " more" : "";
    return Optional.of(String.join("; ", reasons.subList(0, shown)) + more);
  }

  /** What the run says of the regions named in {@code --regions} that accounts have not enabled. */
  NamedRegions namedRegions() {
    return NamedRegions.of(outcomes, config.regions(), config.resources().get(0), enabledSomewhere);
  }

  /** Ids the organization listed that are not account ids, as listed; they were passed over. */
  List<String> rejected() {
    return selection == null ? List.of() : selection.rejected();
  }

  /** Whether every account that could not be reached was kept from AWS by the network. */
  boolean unreachableByNetworkOnly() {
    return someAccountUnreachable() && unreachable().allMatch(r -> cutOff.contains(r.accountId()));
  }

  /**
   * Whether some account could not be reached (denied or failed; not skipped, and not an account
   * the organization does not list).
   */
  boolean someAccountUnreachable() {
    return unreachable().findAny().isPresent();
  }

  /** The accounts that could not be reached, in account-id order. */
  Stream<AccountReport> unreachable() {
    return accounts().stream()
        .filter(
            r ->
                (r.status().equals(Status.DENIED.label())
                        || r.status().equals(Status.FAILED.label()))
                    && !selection.notFound().contains(r.accountId()));
  }
}
