package io.awsinventory.cli;

import java.util.Set;

/** The known name nearest to a mistyped one, by edit distance, for "did you mean" hints. */
final class NearestName {
  private NearestName() {}

  /** " (did you mean 'regions'?)" for the nearest known key, when one is near. */
  static String suggestion(String key, Set<String> known) {
    return nearest(key, known).map(best -> " (did you mean '" + best + "'?)").orElse("");
  }

  /** The known name nearest to {@code key}, when one is near enough to be a typo of it. */
  static java.util.Optional<String> nearest(String key, java.util.Collection<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(key, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= Math.max(2, key.length() / 3)
        ? java.util.Optional.of(best)
        : java.util.Optional.empty();
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
