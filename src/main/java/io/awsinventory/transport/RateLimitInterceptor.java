package io.awsinventory.transport;

import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Makes each attempt of a target's calls wait its turn under {@link RateLimits}, as the calling
 * thread's {@link TargetScope} names the target.
 */
final class RateLimitInterceptor implements ExecutionInterceptor {
  private final RateLimits limits;

  RateLimitInterceptor(RateLimits limits) {
    this.limits = limits;
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String target = TargetScope.current().key();
    String api = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    try {
      limits.acquire(target + "/" + api);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AbortedException.create("interrupted while waiting under --max-rate", e);
    }
  }
}
