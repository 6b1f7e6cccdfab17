package io.awsinventory.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountSelectionTest {
  private static final List<ListedAccount> LISTED =
      List.of(
          new ListedAccount("333333333333", "c", "ACTIVE"),
          new ListedAccount("111111111111", "a", "ACTIVE"),
          new ListedAccount("222222222222", "b", "SUSPENDED"),
          new ListedAccount("44444444444x", "bad", "ACTIVE"),
          new ListedAccount("555555555555", "e", "ACTIVE"),
          new ListedAccount("666666666666", "f", "PENDING_CLOSURE"),
          new ListedAccount("777777777777", "g", "ACTIVE"));

  private static List<String> selected(AccountScope scope) {
    return AccountSelection.select(scope, () -> LISTED, () -> "111111111111").toCollect().stream()
        .map(ListedAccount::id)
        .toList();
  }

  private static List<String> startedAsListed(AccountScope scope) {
    return LISTED.stream()
        .filter(a -> AccountSelection.collectsAsListed(scope, a))
        .map(ListedAccount::id)
        .sorted()
        .toList();
  }

  @Test
  void accountsStartedAsListed_areThoseTheSelectionCollects() {
    List<AccountScope> scopes =
        List.of(
            new AccountScope(true, List.of(), Set.of(), Set.of(), Shard.ALL),
            new AccountScope(true, List.of(), Set.of(), Set.of("555555555555"), Shard.ALL),
            new AccountScope(
                true,
                List.of(),
                Set.of("333333333333", "222222222222", "777777777777", "999999999999"),
                Set.of("777777777777"),
                Shard.ALL));
    for (AccountScope scope : scopes) {
      assertThat(startedAsListed(scope)).as(scope.toString()).isEqualTo(selected(scope));
    }
    assertThat(selected(scopes.get(2))).containsExactly("333333333333");
  }

  @Test
  void aShard_startsNothingBeforeTheWholeList() {
    AccountScope scope = new AccountScope(true, List.of(), Set.of(), Set.of(), new Shard(2, 2));

    assertThat(startedAsListed(scope)).isEmpty();
    assertThat(selected(scope)).containsExactly("333333333333", "777777777777");
  }

  @Test
  void withoutTheOrganization_nothingIsListed() {
    AccountScope scope =
        new AccountScope(false, List.of(), Set.of("111111111111"), Set.of(), Shard.ALL);

    assertThat(startedAsListed(scope)).isEmpty();
    assertThat(selected(scope)).containsExactly("111111111111");
  }
}
