package io.awsinventory.discovery;

import io.awsinventory.Account;

/**
 * An account as Organizations lists it; {@code state} is ACTIVE, SUSPENDED, PENDING_CLOSURE, ...
 */
public record ListedAccount(String id, String name, String state) {
  public static final String ACTIVE = "ACTIVE";

  /** Whether the id is an account id (12 digits): anything else is refused, whatever sent it. */
  public boolean hasValidId() {
    return id != null && id.matches("\\d{12}");
  }

  public boolean isActive() {
    return ACTIVE.equals(state);
  }

  public Account account() {
    return new Account(id, name);
  }
}
