package io.awsinventory.auth;

import io.awsinventory.InventoryException;
import io.awsinventory.RunConfig;
import io.awsinventory.RunConfig.AccessSpec;
import io.awsinventory.discovery.Account;
import io.awsinventory.discovery.ListedAccount;
import io.awsinventory.discovery.OrganizationAccounts;
import io.awsinventory.discovery.Partitions;
import io.awsinventory.fanout.AwsClients;
import io.awsinventory.fanout.ErrorClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The credentials of a run: the base credentials, the master chain (each hop checked with
 * GetCallerIdentity when the run opens), the accounts to collect, and a session per account — the
 * master chain itself for the account it stands in, the member chain for every other.
 */
public final class Sessions implements AutoCloseable {
  /** Who a step of the master chain turned out to be. */
  public record HopIdentity(String hop, String roleArn, CallerIdentity identity) {}

  /** The accounts to collect, and those passed over with the reason. */
  public record AccountList(List<ListedAccount> toCollect, List<Skipped> skipped) {}

  public record Skipped(ListedAccount account, String reason) {}

  private final AwsClients clients;
  private final AccessSpec access;
  private final SessionSettings settings;
  private final String partition;
  private final BaseCredentials base;
  private final AssumeRoleChain master;
  private final List<HopIdentity> hops = new ArrayList<>();

  private Sessions(RunConfig config, AwsClients clients) {
    this.clients = clients;
    this.access = config.access();
    this.settings =
        new SessionSettings(access.sessionName(), access.durationSeconds(), config.homeRegion());
    this.partition = Partitions.partitionOf(config.homeRegion());
    this.base = BaseCredentials.of(config.credentials(), clients, settings);
    this.master =
        AssumeRoleChain.of(
            base.provider(),
            access.masterChain(),
            settings,
            clients,
            base.isRoleSession(config.credentials()));
  }

  /**
   * Resolves the base credentials and every hop of the master chain.
   *
   * @throws InventoryException exit 4 when a hop cannot be reached
   */
  public static Sessions open(RunConfig config, AwsClients clients) {
    Sessions sessions = new Sessions(config, clients);
    try {
      sessions.verifyMasterChain(config.credentials().describe());
      return sessions;
    } catch (RuntimeException e) {
      sessions.close();
      throw e;
    }
  }

  private void verifyMasterChain(String baseDescription) {
    hops.add(
        new HopIdentity(
            "base",
            null,
            identify(base.provider(), "the base credentials (" + baseDescription + ")")));
    List<AwsCredentialsProvider> providers = master.hops();
    for (int i = 0; i < providers.size(); i++) {
      RoleHop hop = access.masterChain().get(i);
      String name = "hop " + (i + 1);
      hops.add(
          new HopIdentity(
              name, hop.roleArn(), identify(providers.get(i), name + " (" + hop.roleArn() + ")")));
    }
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

  public List<HopIdentity> hops() {
    return List.copyOf(hops);
  }

  /** The identity the master chain ends in. */
  public CallerIdentity masterIdentity() {
    return hops.get(hops.size() - 1).identity();
  }

  public String partition() {
    return partition;
  }

  /**
   * The accounts of the run: the organization's (with {@code --list-accounts}), those named with
   * {@code --accounts}, or the account the master chain stands in.
   *
   * @throws InventoryException exit 4 when the organization cannot be listed
   */
  public AccountList accounts() {
    List<ListedAccount> candidates = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    if (access.listAccounts()) {
      List<ListedAccount> listed = listOrganization();
      Set<String> listedIds =
          listed.stream().map(ListedAccount::id).collect(java.util.stream.Collectors.toSet());
      for (String wanted : access.accounts()) {
        if (!listedIds.contains(wanted)) {
          skipped.add(
              new Skipped(
                  new ListedAccount(wanted, null, null), "not in the organization listing"));
        }
      }
      for (ListedAccount account : listed) {
        if (!access.accounts().isEmpty() && !access.accounts().contains(account.id())) {
          continue;
        }
        if (!account.isActive()) {
          skipped.add(
              new Skipped(account, "account is " + account.state() + " in the organization"));
          continue;
        }
        candidates.add(account);
      }
    } else if (!access.accounts().isEmpty()) {
      access.accounts().stream()
          .sorted()
          .forEach(id -> candidates.add(new ListedAccount(id, null, null)));
    } else {
      candidates.add(new ListedAccount(masterIdentity().accountId(), null, null));
    }
    List<ListedAccount> toCollect = new ArrayList<>();
    for (ListedAccount account : candidates) {
      if (access.excludeAccounts().contains(account.id())) {
        skipped.add(new Skipped(account, "excluded by --exclude-accounts"));
      } else {
        toCollect.add(account);
      }
    }
    skipped.sort(java.util.Comparator.comparing(s -> s.account().id()));
    return new AccountList(access.shard().select(toCollect), skipped);
  }

  private List<ListedAccount> listOrganization() {
    try (OrganizationsClient organizations = clients.organizations(master.last(), partition)) {
      return OrganizationAccounts.list(organizations, access.organizationalUnits());
    } catch (SdkException e) {
      ErrorClassifier.Classified failure = ErrorClassifier.classify(e);
      String needed =
          access.organizationalUnits().isEmpty()
              ? "organizations:ListAccounts"
              : "organizations:ListAccountsForParent and organizations:ListOrganizationalUnitsForParent";
      throw InventoryException.authentication(
          "listing the organization's accounts failed ("
              + needed
              + ", as "
              + masterIdentity().arn()
              + "): "
              + failure.code()
              + ": "
              + failure.message(),
          e);
    }
  }

  /** The session of one account; close it when the account's work is done. */
  public AccountSession open(Account account) {
    if (account.id().equals(masterIdentity().accountId())) {
      return new AccountSession(account, master.last(), null, clients, settings.homeRegion());
    }
    AssumeRoleChain chain =
        AssumeRoleChain.of(
            master.last(),
            access.memberRoles().hopsInto(account.id(), partition),
            settings,
            clients,
            true);
    return new AccountSession(account, chain.last(), chain, clients, settings.homeRegion());
  }

  @Override
  public void close() {
    master.close();
    base.close();
  }
}
