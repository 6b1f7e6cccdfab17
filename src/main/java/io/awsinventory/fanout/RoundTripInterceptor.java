package io.awsinventory.fanout;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Times each attempt's round trip (from the request leaving, after any wait under {@code
 * --max-rate}, to the response headers) and hands it to the limit of the target's host, with
 * whether the answer said the host is overloaded.
 */
final class RoundTripInterceptor implements ExecutionInterceptor {
  private static final ExecutionAttribute<Long> SENT =
      new ExecutionAttribute<>("aws-inventory.sent");

  private final AdaptiveLimit limit;

  RoundTripInterceptor(AdaptiveLimit limit) {
    this.limit = limit;
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    attributes.putAttribute(SENT, System.nanoTime());
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    Long sent = attributes.getAttribute(SENT);
    if (sent != null) {
      int status = context.httpResponse().statusCode();
      limit.onRoundTrip(System.nanoTime() - sent, status == 429 || status >= 500);
    }
  }
}
