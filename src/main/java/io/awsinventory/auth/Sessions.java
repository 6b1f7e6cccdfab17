package io.awsinventory.auth;

import io.awsinventory.Account;
import io.awsinventory.InventoryException;
import io.awsinventory.discovery.Partitions;
import io.awsinventory.transport.ErrorClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The credentials of a run: the base credentials, the master chain (each hop checked with
 * GetCallerIdentity when the run opens), and a session per account — the master chain itself for
 * the account it stands in, the member chain for every other.
 *
 * <p>The check runs on a thread of its own while the run goes on to what needs only the master
 * chain's credentials (the organization's first page): who the chain is, and whether a hop failed,
 * is known at {@link #hops()} or {@link #masterIdentity()}, which wait for it and throw its
 * failure.
 */
public final class Sessions implements AutoCloseable {
  /** Who a step of the master chain turned out to be. */
  public record HopIdentity(String hop, String roleArn, CallerIdentity identity) {}

  private final StsClients clients;
  private final AccessSpec access;
  private final SessionSettings settings;
  private final String partition;
  private final BaseCredentials base;
  private final AssumeRoleChain master;

  /** The profile's own role hops (when its profile has role_arn), then --assume-role-arn's. */
  private final List<RoleHop> chain;

  /** Who each hop turned out to be, once the check has ended. */
  private final CompletableFuture<List<HopIdentity>> verified = new CompletableFuture<>();

  /** What a failed check becomes where it is waited for. */
  private final UnaryOperator<InventoryException> failures;

  /**
   * The home region's STS client of the accounts' sessions, signed by the master chain's
   * credentials: every member chain's first hop is assumed through it (who each session is comes
   * with its AssumeRole answer), and an account's identity is asked through it with that account's
   * credentials only when the answer did not say. Built on the first account's session.
   */
  private StsClient accountsSts;

  private Sessions(
      CredentialsSpec credentials,
      AccessSpec access,
      String homeRegion,
      StsClients clients,
      Supplier<ProfileFile> sharedFiles,
      UnaryOperator<InventoryException> failures) {
    this.clients = clients;
    this.failures = failures;
    this.access = access;
    this.settings = new SessionSettings(access.sessionName(), access.durationSeconds(), homeRegion);
    this.partition = Partitions.partitionOf(homeRegion);
    this.base = BaseCredentials.of(credentials, clients, settings, sharedFiles);
    this.chain = new ArrayList<>(base.profileHops());
    chain.addAll(access.masterChain());
    this.master =
        AssumeRoleChain.of(
            base.provider(), chain, settings, clients, base.isRoleSession(credentials));
  }

  /**
   * Starts resolving the base credentials and checking every hop of the master chain; {@link
   * #hops()} waits for the check.
   *
   * @param failures what a failed check (exit 4 when a hop cannot be reached) becomes when it is
   *     thrown, on whichever thread waits for it first
   */
  public static Sessions open(
      CredentialsSpec credentials,
      AccessSpec access,
      String homeRegion,
      StsClients clients,
      Supplier<ProfileFile> sharedFiles,
      UnaryOperator<InventoryException> failures) {
    Sessions sessions =
        new Sessions(credentials, access, homeRegion, clients, sharedFiles, failures);
    Thread check =
        new Thread(
            () -> {
              try {
                sessions.verified.complete(sessions.verifyMasterChain(credentials));
              } catch (RuntimeException | Error e) {
                sessions.verified.completeExceptionally(e);
              }
            },
            "aws-inventory-identity");
    check.setDaemon(true);
    check.start();
    return sessions;
  }

  /** What the operator sees when the default chain finds nothing, instead of the SDK's list. */
  static final String NO_CREDENTIALS =
      "no AWS credentials found: use --profile, --access-key-id with --secret-access-key-file,"
          + " AWS_PROFILE or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, --web-identity-token-file,"
          + " or run on a machine or in a container with a role attached";

  private List<HopIdentity> verifyMasterChain(CredentialsSpec credentials) {
    List<HopIdentity> hops = new ArrayList<>();
    if (credentials.isDefaultChain()) {
      try {
        base.provider().resolveCredentials();
      } catch (SdkClientException noneFound) {
        throw InventoryException.authentication(NO_CREDENTIALS, null);
      }
    }
    String baseDescription = credentials.describe();
    hops.add(
        new HopIdentity(
            "base",
            null,
            identify(base.provider(), "the base credentials (" + baseDescription + ")")));
    List<AwsCredentialsProvider> providers = master.hops();
    int profileHops = base.profileHops().size();
    for (int i = 0; i < providers.size(); i++) {
      RoleHop hop = chain.get(i);
      String name = i < profileHops ? "profile hop " + (i + 1) : "hop " + (i - profileHops + 1);
      hops.add(
          new HopIdentity(
              name, hop.roleArn(), identify(providers.get(i), name + " (" + hop.roleArn() + ")")));
    }
    return List.copyOf(hops);
  }

  private CallerIdentity identify(AwsCredentialsProvider provider, String what) {
    try (StsClient sts = clients.sts(provider, settings.homeRegion())) {
      return CallerIdentity.of(sts);
    } catch (SdkException e) {
      ErrorClassifier.Classified failure = ErrorClassifier.classify(e);
      throw InventoryException.authentication(
          "authentication failed at " + what + ": " + failure.code() + ": " + failure.message(), e);
    }
  }

  /**
   * Who each hop of the master chain is, the base credentials first, once the check has ended.
   *
   * @throws InventoryException the check's failure, through {@code failures}
   */
  public List<HopIdentity> hops() {
    try {
      return verified.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof InventoryException failure) {
        throw failures.apply(failure);
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw (RuntimeException) e.getCause();
    }
  }

  /** The identity the master chain ends in, once the check has ended. */
  public CallerIdentity masterIdentity() {
    List<HopIdentity> hops = hops();
    return hops.get(hops.size() - 1).identity();
  }

  /** The credentials the master chain ends in: those that list the organization. */
  public AwsCredentialsProvider masterCredentials() {
    return master.last();
  }

  public String partition() {
    return partition;
  }

  /** The session of one account; close it when the account's work is done. */
  public AccountSession open(Account account) {
    CallerIdentity masterIdentity = masterIdentity();
    StsClient sts = accountsSts();
    if (account.id().equals(masterIdentity.accountId())) {
      return new AccountSession(account, master.last(), null, sts, masterIdentity);
    }
    AssumeRoleChain chain =
        AssumeRoleChain.of(
            master.last(),
            sts,
            access.memberRoles().hopsInto(account.id(), partition),
            settings,
            clients,
            true);
    return new AccountSession(account, chain.last(), chain, sts, null);
  }

  private synchronized StsClient accountsSts() {
    if (accountsSts == null) {
      accountsSts = clients.sts(master.last(), settings.homeRegion());
    }
    return accountsSts;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (accountsSts != null) {
        accountsSts.close();
      }
    }
    master.close();
    base.close();
  }
}
