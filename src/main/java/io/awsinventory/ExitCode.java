package io.awsinventory;

/** The process exit codes: stable, documented in {@code --help} and the README. */
public enum ExitCode {
  /** Every planned account x region x resource was collected. */
  OK(0),
  /** An unexpected internal error: a bug. */
  INTERNAL(1),
  /** A usage or configuration error; no inventory call was made. */
  USAGE(2),
  /** Some targets failed or were denied; files were written for the rest. */
  PARTIAL(3),
  /** Authentication failed before any target could be collected. */
  AUTHENTICATION(4),
  /** AWS could not be reached (connection, DNS, proxy, TLS, time-out) before any target. */
  UNREACHABLE(5),
  /**
   * The set was committed, but a step after the commit failed: an upload to the Data Hub, or the
   * append to the history database.
   */
  DELIVERY(6),
  /** Stopped by SIGINT or SIGTERM; the previous set of files is untouched. */
  INTERRUPTED(ExitCode.INTERRUPTED_CODE);

  /** 128 + SIGINT, as shells report an interrupted command. */
  public static final int INTERRUPTED_CODE = 130;

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
