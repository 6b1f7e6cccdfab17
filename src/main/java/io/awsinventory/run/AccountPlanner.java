package io.awsinventory.run;

import io.awsinventory.Status;
import io.awsinventory.auth.AccountSession;
import io.awsinventory.auth.CallerIdentity;
import io.awsinventory.auth.Sessions;
import io.awsinventory.discovery.AccountSelection;
import io.awsinventory.discovery.ListedAccount;
import io.awsinventory.discovery.RegionPlan;
import io.awsinventory.fanout.Target;
import io.awsinventory.fanout.TargetCalls;
import io.awsinventory.output.RunSummary.AccountReport;
import io.awsinventory.transport.AwsClients;
import io.awsinventory.transport.ErrorClassifier;
import java.io.PrintWriter;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Reaches one account and plans its regions: opens its session (assuming the member chain, whose
 * answer says who the session is), and asks EC2 which regions it may use. Enabled regions are
 * discovered per account, since they differ between accounts.
 */
final class AccountPlanner {
  /** What planning an account came to. */
  public sealed interface Result permits Planned, Unreachable {}

  /** A reached account; the caller closes the session when the account's work is done. */
  public record Planned(
      ListedAccount account, AccountSession session, CallerIdentity identity, RegionPlan regions)
      implements Result {

    public AccountReport report() {
      return new AccountReport(
          account.id(), account.name(), account.state(), identity.arn(), Status.OK.label(), null);
    }
  }

  /** An account that could not be reached or planned, with the AWS error. */
  public record Unreachable(
      ListedAccount account,
      Status status,
      String errorCode,
      String errorMessage,
      String message,
      boolean network)
      implements Result {

    public AccountReport report() {
      return new AccountReport(
          account.id(), account.name(), account.state(), null, status.label(), message);
    }
  }

  /** The summary row of an account passed over before planning. */
  static AccountReport report(AccountSelection.Skipped skipped) {
    return new AccountReport(
        skipped.account().id(),
        skipped.account().name(),
        skipped.account().state(),
        null,
        Status.SKIPPED.label(),
        skipped.reason());
  }

  private final Sessions sessions;
  private final AwsClients clients;
  private final RunConfig config;
  private final PrintWriter err;

  AccountPlanner(Sessions sessions, AwsClients clients, RunConfig config, PrintWriter err) {
    this.sessions = sessions;
    this.clients = clients;
    this.config = config;
    this.err = err;
  }

  Result plan(ListedAccount account) {
    AccountSession session = sessions.open(account.account());
    CallerIdentity identity;
    try {
      identity = session.identity();
    } catch (SdkException e) {
      session.close();
      return unreachable(account, e, "could not reach account " + account.id());
    }
    RegionPlan regions;
    // through the run's shared EC2 client of the home region, as the account's target there calls
    Target home = new Target(account.account(), session.credentials(), config.homeRegion());
    try (TargetCalls calls = new TargetCalls(clients, home, null)) {
      regions = RegionPlan.discover(calls.ec2(), sessions.partition(), config.regions());
    } catch (SdkException e) {
      ErrorClassifier.Classified failure = ErrorClassifier.classify(e);
      if (failure.status() != Status.DENIED || config.regions().isEmpty()) {
        session.close();
        String why =
            failure.status() == Status.DENIED
                ? " was denied; give --regions to collect the regions you name without it"
                : "";
        return unreachable(
            account,
            e,
            "could not list the regions of account "
                + account.id()
                + " (ec2:DescribeRegions in "
                + config.homeRegion()
                + why
                + ")");
      }
      err.println(
          "warning: ec2:DescribeRegions was denied in account "
              + account.id()
              + "; using the regions given without checking which are enabled");
      err.flush();
      regions = RegionPlan.unchecked(config.regions());
    }
    return new Planned(account, session, identity, regions);
  }

  private static Unreachable unreachable(ListedAccount account, SdkException e, String what) {
    ErrorClassifier.Classified failure = ErrorClassifier.classify(e);
    Status status = failure.status() == Status.DENIED ? Status.DENIED : Status.FAILED;
    return new Unreachable(
        account,
        status,
        failure.code(),
        failure.message(),
        what + ": " + failure.code() + ": " + failure.message(),
        ErrorClassifier.networkCause(e).isPresent());
  }
}
