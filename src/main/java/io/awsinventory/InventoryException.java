package io.awsinventory;

/**
 * The one exception type that ends a run with a chosen exit code. Its message is a single line
 * meant for the operator; it never holds a secret.
 */
public final class InventoryException extends RuntimeException {
  private final ExitCode exitCode;

  private InventoryException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** Bad option or configuration value, found before any AWS call. */
  public static InventoryException invalidInput(String option, String problem) {
    return new InventoryException(ExitCode.USAGE, option + ": " + problem, null);
  }

  /** Credentials were rejected before any target could be collected. */
  public static InventoryException authentication(String message, Throwable cause) {
    return new InventoryException(ExitCode.AUTHENTICATION, message, cause);
  }

  /** AWS could not be reached before any target could be collected: the network's fault. */
  public static InventoryException unreachable(String message, Throwable cause) {
    return new InventoryException(ExitCode.UNREACHABLE, message, cause);
  }

  /**
   * The run has nothing to collect: its scope came to nothing (a filter that matches no account, an
   * OU of suspended accounts) or the organization's listing failed. A failure a scheduler must see,
   * with the previous files kept.
   */
  public static InventoryException nothingCollected(String message) {
    return new InventoryException(ExitCode.PARTIAL, message, null);
  }

  /**
   * The output could not be written (disk full, folder gone); the previous set of files is kept.
   */
  public static InventoryException output(String message, Throwable cause) {
    return new InventoryException(ExitCode.INTERNAL, message, cause);
  }

  public ExitCode exitCode() {
    return exitCode;
  }
}
