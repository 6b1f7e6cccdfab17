package io.awsinventory.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The --max-rate buckets on a fake clock: no test waits. */
class RateLimitsTest {
  private static final long SECOND = 1_000_000_000L;
  private final AtomicLong now = new AtomicLong(5 * SECOND);

  @Test
  void aBurstOfOneSecondsWorth_thenOneTurnPerInterval() {
    RateLimits limits = new RateLimits(4, now::get);

    for (int i = 0; i < 4; i++) {
      assertThat(limits.reserve("a/r/DescribeInstances")).isZero();
    }
    // the bucket is empty: the next callers queue a quarter second apart
    assertThat(limits.reserve("a/r/DescribeInstances")).isEqualTo(SECOND / 4);
    assertThat(limits.reserve("a/r/DescribeInstances")).isEqualTo(SECOND / 2);
  }

  @Test
  void timePassing_refillsUpToTheBurstOnly() {
    RateLimits limits = new RateLimits(4, now::get);
    for (int i = 0; i < 6; i++) {
      limits.reserve("k");
    }

    now.addAndGet(60 * SECOND);

    for (int i = 0; i < 4; i++) {
      assertThat(limits.reserve("k")).isZero();
    }
    assertThat(limits.reserve("k")).isPositive();
  }

  @Test
  void eachAccountRegionAndApi_hasItsOwnBucket() {
    RateLimits limits = new RateLimits(1, now::get);

    assertThat(limits.reserve("a/eu-west-1/DescribeInstances")).isZero();
    assertThat(limits.reserve("a/eu-west-1/DescribeImages")).isZero();
    assertThat(limits.reserve("b/eu-west-1/DescribeInstances")).isZero();
    assertThat(limits.reserve("a/us-east-1/DescribeInstances")).isZero();
    assertThat(limits.reserve("a/eu-west-1/DescribeInstances")).isEqualTo(SECOND);
  }

  @Test
  void overAnHour_theRateIsKept() {
    RateLimits limits = new RateLimits(10, now::get);
    long start = now.get();
    long lastTurn = start;
    for (int call = 0; call < 36_000 + 10; call++) {
      long wait = limits.reserve("k");
      lastTurn = Math.max(lastTurn, now.get() + wait);
      now.addAndGet(SECOND / 1000); // a caller every millisecond, far faster than allowed
    }
    // 36,010 calls at 10 a second with a burst of 10 take at least an hour
    assertThat(lastTurn - start).isGreaterThanOrEqualTo(3600 * SECOND);
  }

  @Test
  void zero_limitsNothing() {
    RateLimits limits = new RateLimits(0, now::get);

    assertThat(limits.limits()).isFalse();
    for (int i = 0; i < 1000; i++) {
      assertThat(limits.reserve("k")).isZero();
    }
  }
}
