package io.awsinventory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

  /**
   * Secrets shorter than {@value #MIN_LENGTH} characters: too common to mask inside records, masked
   * in messages and logs where they stand as a token of their own.
   */
  private static final Set<String> SHORT = ConcurrentHashMap.newKeySet();

  /**
   * Registers a secret, with the forms it is echoed back in: URL-encoded (a query string, a form
   * body) and base64 (an {@code Authorization} or {@code Proxy-Authorization} header). A secret
   * shorter than {@value #MIN_LENGTH} characters is too common to mask inside records: it is masked
   * in messages and logs where it stands as a token of its own.
   */
  public static void register(String secret) {
    if (secret == null || secret.isEmpty() || KNOWN.contains(secret)) {
      return;
    }
    if (secret.length() < MIN_LENGTH) {
      SHORT.add(secret);
      return;
    }
    add(secret);
    add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
    add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
    add(
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Forgets every secret: a run's secrets are its own, so a caller that runs the tool again in the
   * same process (tests, a warm benchmark) starts with none, and a short secret of one run never
   * masks a word of the next run's messages.
   */
  public static void forgetAll() {
    SHORT.clear();
    KNOWN.clear();
    BY_PREFIX.clear();
    for (int i = 0; i < FIRST_FOUR.length(); i++) {
      FIRST_FOUR.set(i, 0);
    }
  }

  private static void add(String secret) {
    if (!KNOWN.add(secret)) {
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

  /**
   * {@code text} — a message, a log line, the summary — with every registered secret replaced by
   * {@code ****}, short ones too where they stand as a token of their own.
   */
  public static String redact(String text) {
    String masked = redactRecord(text);
    if (masked == null || SHORT.isEmpty()) {
      return masked;
    }
    for (String secret : SHORT) {
      masked = maskToken(masked, secret);
    }
    return masked;
  }

  /** {@code text} with each occurrence of {@code secret} that no letter or digit touches masked. */
  private static String maskToken(String text, String secret) {
    int at = text.indexOf(secret);
    if (at < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int copied = 0;
    for (; at >= 0; at = text.indexOf(secret, at + 1)) {
      int end = at + secret.length();
      boolean alone =
          (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
              && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
      if (alone && at >= copied) {
        out.append(text, copied, at).append(MASK);
        copied = end;
      }
    }
    return out.append(text, copied, text.length()).toString();
  }

  /**
   * {@code text} — a record's value — with every registered secret of at least {@value #MIN_LENGTH}
   * characters replaced by {@code ****}.
   */
  public static String redactRecord(String text) {
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
