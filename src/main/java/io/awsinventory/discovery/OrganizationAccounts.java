package io.awsinventory.discovery;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentResponse;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;

/**
 * The accounts of an AWS Organization: all of them, or those in given OU (or root) subtrees, walked
 * recursively. Needs the organization's management account or a delegated administrator.
 */
public final class OrganizationAccounts {
  private OrganizationAccounts() {}

  /** The accounts, sorted by id, each listed once. */
  public static List<ListedAccount> list(OrganizationsClient organizations, List<String> parents) {
    Map<String, ListedAccount> accounts = new LinkedHashMap<>();
    if (parents.isEmpty()) {
      for (ListAccountsResponse page : organizations.listAccountsPaginator(r -> {})) {
        page.accounts().forEach(a -> accounts.putIfAbsent(a.id(), listed(a)));
      }
    } else {
      Deque<String> pending = new ArrayDeque<>(parents);
      while (!pending.isEmpty()) {
        String parent = pending.pop();
        for (ListAccountsForParentResponse page :
            organizations.listAccountsForParentPaginator(r -> r.parentId(parent))) {
          page.accounts().forEach(a -> accounts.putIfAbsent(a.id(), listed(a)));
        }
        for (ListOrganizationalUnitsForParentResponse page :
            organizations.listOrganizationalUnitsForParentPaginator(r -> r.parentId(parent))) {
          page.organizationalUnits().stream().map(OrganizationalUnit::id).forEach(pending::add);
        }
      }
    }
    return accounts.values().stream().sorted(Comparator.comparing(ListedAccount::id)).toList();
  }

  private static ListedAccount listed(
      software.amazon.awssdk.services.organizations.model.Account a) {
    // State replaces the older Status; either may be the one an endpoint returns
    String state = a.stateAsString() != null ? a.stateAsString() : a.statusAsString();
    return new ListedAccount(a.id(), a.name(), state);
  }
}
