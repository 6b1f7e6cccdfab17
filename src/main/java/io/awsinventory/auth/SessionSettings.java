package io.awsinventory.auth;

/**
 * How role sessions are opened: their name (seen in CloudTrail), the duration asked for, and where
 * STS is called.
 */
public record SessionSettings(String sessionName, int durationSeconds, String homeRegion) {
  /** AWS caps a session reached by role chaining at one hour. */
  public static final int CHAINED_MAXIMUM_SECONDS = 3600;

  /**
   * The duration to ask for at a hop: the first hop from long-term keys may ask for more than an
   * hour, a chained hop may not.
   */
  public int durationFor(boolean chained) {
    return chained ? Math.min(durationSeconds, CHAINED_MAXIMUM_SECONDS) : durationSeconds;
  }
}
