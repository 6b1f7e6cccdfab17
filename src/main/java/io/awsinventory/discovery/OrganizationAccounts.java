package io.awsinventory.discovery;

import io.awsinventory.collect.Pages;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
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

  /**
   * The accounts, sorted by id, each listed once; {@code onListed} is told of each account as its
   * page arrives, the first time it is listed, so work on it can start while the listing goes on.
   */
  public static List<ListedAccount> list(
      OrganizationsClient organizations, List<String> parents, Consumer<ListedAccount> onListed) {
    Map<String, ListedAccount> accounts = new LinkedHashMap<>();
    Consumer<software.amazon.awssdk.services.organizations.model.Account> add =
        a -> {
          ListedAccount account = listed(a);
          if (accounts.putIfAbsent(a.id(), account) == null) {
            onListed.accept(account);
          }
        };
    if (parents.isEmpty()) {
      for (ListAccountsResponse page :
          Pages.guarded(
              organizations.listAccountsPaginator(r -> {}),
              "ListAccounts",
              ListAccountsResponse::nextToken)) {
        page.accounts().forEach(add);
      }
    } else {
      Deque<String> pending = new ArrayDeque<>(parents);
      Set<String> visited = new HashSet<>();
      while (!pending.isEmpty()) {
        String parent = pending.pop();
        if (!visited.add(parent)) {
          // a tree has no second path to a node: the listing would go round for ever
          throw new Pages.LoopException(
              "the organization lists " + parent + " under two parents or under itself");
        }
        for (ListAccountsForParentResponse page :
            Pages.guarded(
                organizations.listAccountsForParentPaginator(r -> r.parentId(parent)),
                "ListAccountsForParent",
                ListAccountsForParentResponse::nextToken)) {
          page.accounts().forEach(add);
        }
        for (ListOrganizationalUnitsForParentResponse page :
            Pages.guarded(
                organizations.listOrganizationalUnitsForParentPaginator(r -> r.parentId(parent)),
                "ListOrganizationalUnitsForParent",
                ListOrganizationalUnitsForParentResponse::nextToken)) {
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
