package io.awsinventory.auth;

import io.awsinventory.discovery.AccountScope;
import java.util.List;

/**
 * How the run reaches its accounts.
 *
 * @param masterChain roles assumed in order from the base credentials
 * @param memberRoles the chain assumed from the last master hop into each other account
 * @param sessionName the session name of every hop
 * @param durationSeconds the session duration every hop asks for
 * @param scope which accounts the run collects
 */
public record AccessSpec(
    List<RoleHop> masterChain,
    MemberRoles memberRoles,
    String sessionName,
    int durationSeconds,
    AccountScope scope) {

  public AccessSpec {
    masterChain = List.copyOf(masterChain);
  }

  public boolean listAccounts() {
    return scope.listAccounts();
  }

  public List<String> organizationalUnits() {
    return scope.organizationalUnits();
  }

  /** Whether member accounts are reached through member roles. */
  public boolean reachesOtherAccounts() {
    return scope.reachesOtherAccounts();
  }
}
