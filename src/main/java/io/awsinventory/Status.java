package io.awsinventory;

/** What became of one account x region x resource. */
public enum Status {
  OK,
  DENIED,
  FAILED,
  SKIPPED;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
