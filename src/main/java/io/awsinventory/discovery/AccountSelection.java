package io.awsinventory.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The accounts of a run: the organization's (with {@code --list-accounts}), those named with {@code
 * --accounts}, or the account the master chain stands in; less the excluded ones, then the shard.
 *
 * @param toCollect the accounts to reach, in account-id order
 * @param skipped the accounts passed over, with the reason, in account-id order
 * @param notFound accounts named in {@code --accounts} that the organization does not list
 * @param rejected ids the organization listed that are not account ids (12 digits), as listed
 */
public record AccountSelection(
    List<ListedAccount> toCollect,
    List<Skipped> skipped,
    List<String> notFound,
    List<String> rejected) {

  /** An account passed over before it is reached. */
  public record Skipped(ListedAccount account, String reason) {}

  /**
   * @param organization lists the organization's accounts; asked only with {@code --list-accounts}
   * @param masterAccountId the account the master chain stands in; asked only when no account is
   *     named or listed
   */
  public static AccountSelection select(
      AccountScope scope,
      Supplier<List<ListedAccount>> organization,
      Supplier<String> masterAccountId) {
    List<ListedAccount> candidates = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    List<String> notFound = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    if (scope.listAccounts()) {
      List<ListedAccount> listed = organization.get();
      Set<String> listedIds = listed.stream().map(ListedAccount::id).collect(Collectors.toSet());
      scope.accounts().stream()
          .filter(id -> !listedIds.contains(id))
          .sorted()
          .forEach(notFound::add);
      for (ListedAccount account : listed) {
        if (!account.hasValidId()) {
          rejected.add(String.valueOf(account.id()));
          continue;
        }
        if (!named(scope, account)) {
          continue;
        }
        if (!account.isActive()) {
          skipped.add(
              new Skipped(account, "account is " + account.state() + " in the organization"));
          continue;
        }
        candidates.add(account);
      }
    } else if (!scope.accounts().isEmpty()) {
      scope.accounts().stream()
          .sorted()
          .forEach(id -> candidates.add(new ListedAccount(id, null, null)));
    } else {
      candidates.add(new ListedAccount(masterAccountId.get(), null, null));
    }
    List<ListedAccount> toCollect = new ArrayList<>();
    for (ListedAccount account : candidates) {
      if (excluded(scope, account)) {
        skipped.add(new Skipped(account, "excluded by --exclude-accounts"));
      } else {
        toCollect.add(account);
      }
    }
    skipped.sort(Comparator.comparing(s -> s.account().id()));
    return new AccountSelection(
        scope.shard().select(toCollect),
        List.copyOf(skipped),
        List.copyOf(notFound),
        List.copyOf(rejected));
  }

  /**
   * Whether the organization's account {@code account}, as it is listed, is one the selection of a
   * run without {@code --shard} collects: a run may start on it before the listing has ended (a
   * shard is a slice of the whole list, so it must wait for the list).
   */
  public static boolean collectsAsListed(AccountScope scope, ListedAccount account) {
    return scope.listAccounts()
        && scope.shard().isAll()
        && account.hasValidId()
        && named(scope, account)
        && account.isActive()
        && !excluded(scope, account);
  }

  private static boolean named(AccountScope scope, ListedAccount account) {
    return scope.accounts().isEmpty() || scope.accounts().contains(account.id());
  }

  private static boolean excluded(AccountScope scope, ListedAccount account) {
    return scope.excludeAccounts().contains(account.id());
  }
}
