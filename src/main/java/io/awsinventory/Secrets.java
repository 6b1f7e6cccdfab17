package io.awsinventory;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret values of this run (secret access key, session tokens). Every text that leaves the
 * process through a message, the log or the summary passes {@link #redact} first, so a secret
 * echoed back by a library in an error message is still never shown.
 */
public final class Secrets {
  private static final String MASK = "****";
  private static final Set<String> VALUES = ConcurrentHashMap.newKeySet();

  private Secrets() {}

  /** Registers a secret; values shorter than 8 characters are too common to mask safely. */
  public static void register(String secret) {
    if (secret != null && secret.length() >= 8) {
      VALUES.add(secret);
    }
  }

  public static String redact(String text) {
    if (text == null || VALUES.isEmpty()) {
      return text;
    }
    String result = text;
    for (String secret : VALUES) {
      if (result.contains(secret)) {
        result = result.replace(secret, MASK);
      }
    }
    return result;
  }
}
