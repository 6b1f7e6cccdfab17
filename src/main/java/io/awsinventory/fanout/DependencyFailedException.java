package io.awsinventory.fanout;

/** A resource could not be completed because another resource of the same target failed. */
final class DependencyFailedException extends RuntimeException {
  static final String CODE = "DependencyFailed";

  DependencyFailedException(String message) {
    super(message);
  }
}
