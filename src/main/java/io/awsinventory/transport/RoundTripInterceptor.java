package io.awsinventory.transport;

import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Holds each attempt of a target's calls to the adaptive limit of its endpoint host: the attempt
 * takes a slot before it is sent (after any wait under {@code --max-rate}) and gives it back when
 * the answer's headers arrive, handing the limit the round trip and whether the answer said the
 * host is overloaded. A slot is never held through a retry's backoff; an attempt that ends without
 * an answer (a broken connection) gives its slot back when the next attempt starts or the call
 * ends.
 */
final class RoundTripInterceptor implements ExecutionInterceptor {
  private static final ExecutionAttribute<Long> SENT =
      new ExecutionAttribute<>("aws-inventory.sent");

  private final AdaptiveLimit limit;
  private final long maxWaitNanos;

  /**
   * @param maxWaitNanos how long an attempt may wait for a slot: the wait counts against the
   *     attempt's time-out, so it is kept to a share of it
   */
  RoundTripInterceptor(AdaptiveLimit limit, long maxWaitNanos) {
    this.limit = limit;
    this.maxWaitNanos = maxWaitNanos;
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    giveBack(attributes);
    try {
      limit.acquire(maxWaitNanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AbortedException.create("interrupted while waiting for a call slot", e);
    }
    attributes.putAttribute(SENT, System.nanoTime());
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    Long sent = attributes.getAttribute(SENT);
    if (sent != null) {
      int status = context.httpResponse().statusCode();
      limit.onRoundTrip(
          attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
          System.nanoTime() - sent,
          status == 429 || status == 503);
      giveBack(attributes);
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    giveBack(attributes);
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    giveBack(attributes);
  }

  private void giveBack(ExecutionAttributes attributes) {
    if (attributes.getAttribute(SENT) != null) {
      attributes.putAttribute(SENT, null);
      limit.release();
    }
  }
}
