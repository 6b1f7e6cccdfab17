package io.awsinventory.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ShardTest {
  private static List<ListedAccount> accounts(int count) {
    List<ListedAccount> accounts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      accounts.add(
          new ListedAccount(
              String.format("%012d", 500_000_000_000L + i * 7919L), "a" + i, "ACTIVE"));
    }
    Collections.shuffle(accounts, new Random(count));
    return accounts;
  }

  @ParameterizedTest
  @CsvSource({"1, 1", "10, 3", "101, 7", "5, 8", "1000, 16"})
  void shards_coverEveryAccountExactlyOnce_whateverTheListingOrder(int accountCount, int shards) {
    List<ListedAccount> all = accounts(accountCount);
    List<ListedAccount> reshuffled = new ArrayList<>(all);
    Collections.shuffle(reshuffled, new Random(42));
    Set<String> union = new HashSet<>();
    int total = 0;
    for (int i = 1; i <= shards; i++) {
      List<ListedAccount> slice = new Shard(i, shards).select(all);
      assertThat(new Shard(i, shards).select(reshuffled)).isEqualTo(slice);
      assertThat(slice.size()).isBetween(accountCount / shards, accountCount / shards + 1);
      slice.forEach(a -> union.add(a.id()));
      total += slice.size();
    }
    assertThat(total).isEqualTo(accountCount);
    assertThat(union).hasSize(accountCount);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0/3", "4/3", "1/0", "a/b", "1-3", "", "1/3/5"})
  void parse_rejectsWhatIsNotIofN(String text) {
    assertThat(Shard.parse(text)).isNull();
  }

  @ParameterizedTest
  @CsvSource({"1/1, 1, 1", "3/8, 3, 8", " 2/2 , 2, 2"})
  void parse_acceptsIofN(String text, int index, int count) {
    assertThat(Shard.parse(text)).isEqualTo(new Shard(index, count));
  }
}
