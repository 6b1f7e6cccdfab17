package io.awsinventory.fanout;

import io.awsinventory.Status;
import io.awsinventory.collect.ResourceType;
import java.nio.file.Path;

/**
 * The result of one account x region x resource: its status, how many records reached the spill
 * file (also when it failed part-way), and the AWS error code and message when not ok.
 */
public record Outcome(
    Target target,
    ResourceType resource,
    Status status,
    long records,
    long durationMillis,
    String errorCode,
    String message,
    Path spill) {

  public static Outcome skipped(Target target, ResourceType resource, String reason) {
    return new Outcome(target, resource, Status.SKIPPED, 0, 0, null, reason, null);
  }

  public boolean isInternalError() {
    return ErrorClassifier.INTERNAL_ERROR.equals(errorCode);
  }
}
