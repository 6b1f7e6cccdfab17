package io.awsinventory.fanout;

import io.awsinventory.Status;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.output.Spill;
import io.awsinventory.transport.ErrorClassifier;

/**
 * The result of one account x region x resource: its status, how many records were stored (also
 * when it failed part-way) and where, and the AWS error code and message when not ok.
 */
public record Outcome(
    Target target,
    ResourceType resource,
    Status status,
    long records,
    long durationMillis,
    String errorCode,
    String message,
    Spill spill) {

  /** A target that was not worked on ({@code skipped}, {@code not-enabled}, ...), and why. */
  public static Outcome notRead(
      Target target, ResourceType resource, Status status, String code, String reason) {
    return new Outcome(target, resource, status, 0, 0, code, reason, null);
  }

  /** This outcome with its records stored at {@code where}, as many as are stored there. */
  public Outcome withSpill(Spill where) {
    return new Outcome(
        target,
        resource,
        status,
        where == null ? records : where.records(),
        durationMillis,
        errorCode,
        message,
        where);
  }

  public boolean isInternalError() {
    return ErrorClassifier.INTERNAL_ERROR.equals(errorCode);
  }
}
