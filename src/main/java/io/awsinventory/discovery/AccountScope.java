package io.awsinventory.discovery;

import java.util.List;
import java.util.Set;

/**
 * Which accounts a run collects.
 *
 * @param listAccounts whether the accounts come from Organizations
 * @param organizationalUnits OU (or root) subtrees the listing is limited to; empty for all
 * @param accounts accounts to collect (with listAccounts: a filter); empty for all
 * @param excludeAccounts accounts never collected
 * @param shard the slice of the account list this run collects
 */
public record AccountScope(
    boolean listAccounts,
    List<String> organizationalUnits,
    Set<String> accounts,
    Set<String> excludeAccounts,
    Shard shard) {

  public AccountScope {
    organizationalUnits = List.copyOf(organizationalUnits);
    accounts = Set.copyOf(accounts);
    excludeAccounts = Set.copyOf(excludeAccounts);
  }

  /** Whether member accounts are reached through member roles. */
  public boolean reachesOtherAccounts() {
    return listAccounts || !accounts.isEmpty();
  }
}
