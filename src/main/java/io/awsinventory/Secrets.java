package io.awsinventory;

import java.util.Comparator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The secret values of this run (secret access keys, every role session's token, web identity
 * tokens, proxy passwords). Every text that leaves the process through a message, the log or the
 * summary passes {@link #redact} last, so a secret echoed back by a library is still never shown.
 *
 * <p>A large organization registers a session token per account, and the summary of such a run is
 * large: {@link #redact} therefore reads the text once, looking each position's first four
 * characters up among the secrets' first four, instead of searching the text once per secret.
 */
public final class Secrets {
  private static final String MASK = "****";

  /** The shortest value registered: shorter ones are too common to mask safely. */
  static final int MIN_LENGTH = 8;

  private static final int KEY_LENGTH = 4;

  /**
   * The secrets by their first four characters, then by length, the longest first. Role session
   * tokens share their first characters (those AWS issues begin alike), so one group holds a token
   * per account of a large organization: a secret joins its group in constant time, and a text is
   * matched against each length of the group once, not against every secret.
   */
  private static final Map<Long, NavigableMap<Integer, Set<String>>> BY_PREFIX =
      new ConcurrentHashMap<>();

  /**
   * One bit per hash of a secret's first four characters: most positions of a text are passed over
   * on one bit test, without a map lookup (a large run summary is megabytes).
   */
  private static final AtomicLongArray FIRST_FOUR = new AtomicLongArray(1 << 10);

  /**
   * Every secret registered, for a lock-free answer to "known already?": a role session's
   * credentials are registered on every request that resolves them.
   */
  private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();

  private Secrets() {}

  /** Registers a secret; values shorter than 8 characters are too common to mask safely. */
  public static void register(String secret) {
    if (secret == null || secret.length() < MIN_LENGTH || !KNOWN.add(secret)) {
      return;
    }
    long key = key(secret, 0);
    BY_PREFIX
        .computeIfAbsent(key, k -> new ConcurrentSkipListMap<>(Comparator.reverseOrder()))
        .computeIfAbsent(secret.length(), length -> ConcurrentHashMap.newKeySet())
        .add(secret);
    int bit = bit(key);
    FIRST_FOUR.getAndUpdate(bit >>> 6, word -> word | (1L << bit));
  }

  /** {@code text} with every registered secret replaced by {@code ****}. */
  public static String redact(String text) {
    if (text == null || BY_PREFIX.isEmpty() || text.length() < MIN_LENGTH) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    int last = text.length() - KEY_LENGTH;
    long key = key(text, 0) >>> 16;
    for (int start = 0; start <= last; start++) {
      // the key of the four characters from start, rolled on by one character
      key = (key << 16) | text.charAt(start + KEY_LENGTH - 1);
      int bit = bit(key);
      if ((FIRST_FOUR.get(bit >>> 6) & (1L << bit)) == 0) {
        continue;
      }
      NavigableMap<Integer, Set<String>> byLength = BY_PREFIX.get(key);
      if (byLength == null) {
        continue;
      }
      // the lengths that fit in the rest of the text, the longest first
      for (Map.Entry<Integer, Set<String>> group :
          byLength.tailMap(text.length() - start, true).entrySet()) {
        int end = start + group.getKey();
        if (group.getValue().contains(text.substring(start, end))) {
          if (out == null) {
            out = new StringBuilder(text.length());
          }
          out.append(text, copied, start).append(MASK);
          copied = end;
          start = copied - 1;
          if (copied <= last) {
            key = key(text, copied) >>> 16;
          }
          break;
        }
      }
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, text.length()).toString();
  }

  /** A 16-bit hash of a key. */
  private static int bit(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 48);
  }

  private static long key(String text, int at) {
    long key = 0;
    for (int i = at; i < at + KEY_LENGTH; i++) {
      key = (key << 16) | text.charAt(i);
    }
    return key;
  }
}
