package io.awsinventory;

/**
 * What became of one account x region x resource. Only {@code denied} and {@code failed} mean the
 * target was meant to be read and was not: their previous records are carried forward.
 */
public enum Status {
  OK,
  DENIED,
  FAILED,
  /** A region the account has not enabled (or is not offered), so nothing there can be read. */
  NOT_ENABLED,
  /** An account named in {@code --accounts} that the organization does not list. */
  NOT_FOUND,
  SKIPPED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /**
   * Whether the run is not complete for this row: a target that could not be read, or an account
   * asked for that the organization does not list (exit 3).
   */
  public boolean incomplete() {
    return this == DENIED || this == FAILED || this == NOT_FOUND;
  }

  /** Whether the target was to be read and could not be: its previous records are carried. */
  public boolean carries() {
    return this == DENIED || this == FAILED;
  }
}
