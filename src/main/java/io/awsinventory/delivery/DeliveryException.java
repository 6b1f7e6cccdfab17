package io.awsinventory.delivery;

/** A delivery that cannot start as configured (exit 2): no set, a set that is not current. */
public final class DeliveryException extends RuntimeException {
  public DeliveryException(String message) {
    super(message);
  }
}
