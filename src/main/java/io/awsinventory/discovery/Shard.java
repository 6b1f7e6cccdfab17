package io.awsinventory.discovery;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --shard I/N}: the I-th of N deterministic slices of the account list, so N scheduled jobs
 * (Kubernetes Indexed Jobs, AWS Batch array jobs) cover every account exactly once. Accounts are
 * dealt round-robin in account-id order, which keeps the slices even.
 */
public record Shard(int index, int count) {
  private static final Pattern FORMAT = Pattern.compile("(\\d{1,5})/(\\d{1,5})");

  public static final Shard ALL = new Shard(1, 1);

  /** Parses {@code I/N} with 1 &lt;= I &lt;= N; null when it is not of that form. */
  public static Shard parse(String text) {
    Matcher matcher = FORMAT.matcher(text.strip());
    if (!matcher.matches()) {
      return null;
    }
    int index = Integer.parseInt(matcher.group(1));
    int count = Integer.parseInt(matcher.group(2));
    return index >= 1 && count >= 1 && index <= count ? new Shard(index, count) : null;
  }

  public boolean isAll() {
    return count == 1;
  }

  /** This shard's accounts, in account-id order. */
  public List<ListedAccount> select(List<ListedAccount> accounts) {
    List<ListedAccount> sorted = new ArrayList<>(accounts);
    sorted.sort(Comparator.comparing(ListedAccount::id));
    List<ListedAccount> mine = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      if (i % count == index - 1) {
        mine.add(sorted.get(i));
      }
    }
    return mine;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
