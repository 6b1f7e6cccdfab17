package io.awsinventory.discovery;

import io.awsinventory.Account;

/**
 * An account as Organizations lists it; {@code state} is ACTIVE, SUSPENDED, PENDING_CLOSURE, ...
 */
public record ListedAccount(String id, String name, String state) {
  public static final String ACTIVE = "ACTIVE";

  public boolean isActive() {
    return ACTIVE.equals(state);
  }

  public Account account() {
    return new Account(id, name);
  }
}
