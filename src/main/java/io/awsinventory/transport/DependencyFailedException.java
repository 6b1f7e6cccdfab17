package io.awsinventory.transport;

/** A resource could not be completed because another resource of the same target failed. */
public final class DependencyFailedException extends RuntimeException {
  static final String CODE = "DependencyFailed";

  public DependencyFailedException(String message) {
    super(message);
  }
}
