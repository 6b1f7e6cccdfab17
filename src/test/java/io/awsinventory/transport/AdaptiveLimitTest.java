package io.awsinventory.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The AIMD limit fed with made-up round trips: no test waits on a clock. */
class AdaptiveLimitTest {
  private static final long MS = 1_000_000L;

  /** Takes every slot the limit gives, as a busy run does. */
  private static void fill(AdaptiveLimit limit) throws InterruptedException {
    for (int taken = 0; taken < limit.limit(); taken++) {
      limit.acquire();
    }
  }

  /** Fills the limit, as a busy run keeps it, and answers one call of it. */
  private static void answerOneCall(AdaptiveLimit limit, boolean throttled)
      throws InterruptedException {
    while (limit.inFlight() < limit.limit()) {
      limit.acquire();
    }
    limit.onRoundTrip("DescribeInstances", 50 * MS, throttled);
    limit.release();
  }

  /**
   * Answers {@code calls} calls one after the other at the host's pace, as {@link #answerOneCall}.
   */
  private static void answerCalls(AdaptiveLimit limit, int calls) throws InterruptedException {
    for (int call = 0; call < calls; call++) {
      answerOneCall(limit, false);
    }
  }

  @Test
  void steadyFastAnswers_growTheLimitToTheBound() throws Exception {
    AdaptiveLimit limit = new AdaptiveLimit(8, 32);
    int inFlight = 0;
    for (int call = 0; call < 5_000; call++) {
      while (inFlight < limit.limit()) {
        limit.acquire();
        inFlight++;
      }
      limit.onRoundTrip("DescribeInstances", 50 * MS, false);
    }
    assertThat(limit.limit()).isEqualTo(32);
  }

  @Test
  void untilItFirstShrinks_theLimitDoublesEveryRoundOfCalls_thenGrowsByOne() throws Exception {
    AdaptiveLimit limit = new AdaptiveLimit(8, 64);
    answerCalls(limit, 8);
    assertThat(limit.limit()).isEqualTo(16);

    answerOneCall(limit, true);
    assertThat(limit.limit()).isEqualTo(8);
    // a round and more of calls after it: one more call, where slow start would add sixteen
    answerCalls(limit, 16);
    assertThat(limit.limit()).isEqualTo(9);
  }

  @Test
  void anIdleLimit_doesNotGrow() {
    AdaptiveLimit limit = new AdaptiveLimit(8, 32);

    for (int call = 0; call < 5_000; call++) {
      limit.onRoundTrip("DescribeInstances", 50 * MS, false);
    }

    assertThat(limit.limit()).isEqualTo(8);
  }

  @Test
  void throttling_halvesTheLimit_oncePerRoundOfCalls() throws Exception {
    AdaptiveLimit limit = new AdaptiveLimit(16, 32);
    fill(limit);

    limit.onRoundTrip("DescribeInstances", 50 * MS, true);
    assertThat(limit.limit()).isEqualTo(8);

    // the rest of the same burst of refusals: no further halving
    for (int call = 0; call < 8; call++) {
      limit.onRoundTrip("DescribeInstances", 50 * MS, true);
    }
    assertThat(limit.limit()).isEqualTo(8);

    limit.onRoundTrip("DescribeInstances", 50 * MS, true);
    assertThat(limit.limit()).isEqualTo(4);
  }

  @Test
  void roundTripsGrowingPastTwiceTheFastest_shrinkTheLimit() throws Exception {
    AdaptiveLimit limit = new AdaptiveLimit(30, 32);
    fill(limit);
    limit.onRoundTrip("DescribeInstances", 50 * MS, false);

    for (int call = 0; call < 2_000; call++) {
      limit.onRoundTrip("DescribeInstances", 400 * MS, false);
    }

    assertThat(limit.limit()).isLessThan(10).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aSlowFirstAnswer_thenTheHostsOwnPace_isNoSignOfQueueing() throws Exception {
    AdaptiveLimit limit = new AdaptiveLimit(8, 64);
    fill(limit);
    // the first answer of a cold start, slow for the tool's own reasons
    limit.onRoundTrip("DescribeInstances", 600 * MS, false);
    limit.release();
    answerCalls(limit, 56);
    // slow start went on: one more slot for every answer
    assertThat(limit.limit()).isEqualTo(64);
  }

  @Test
  void afterShrinkingForQueueing_theLimitRegrowsAtOneACallToItsLevel_thenByOneARound()
      throws Exception {
    AdaptiveLimit limit = new AdaptiveLimit(40, 64);
    limit.onRoundTrip("DescribeInstances", 50 * MS, false);
    fill(limit);
    // queueing: answers at four times the host's pace until the limit shrinks
    while (limit.limit() == 40) {
      limit.onRoundTrip("DescribeInstances", 200 * MS, false);
    }
    assertThat(limit.limit()).isEqualTo(36);
    // answers at the host's pace again
    answerCalls(limit, 4);
    assertThat(limit.limit()).isEqualTo(40);
    // a round and more of calls beyond it: one more
    answerCalls(limit, 41);
    assertThat(limit.limit()).isEqualTo(41);
  }

  @Test
  void afterThrottling_theLimitRegrowsByOneARound() throws Exception {
    AdaptiveLimit limit = new AdaptiveLimit(40, 64);
    fill(limit);
    limit.onRoundTrip("DescribeInstances", 50 * MS, true);
    assertThat(limit.limit()).isEqualTo(20);

    answerCalls(limit, 21);

    assertThat(limit.limit()).isEqualTo(21);
  }

  @Test
  void apisOfTheirOwnPace_areNoSignOfQueueing() throws Exception {
    AdaptiveLimit limit = new AdaptiveLimit(8, 32);
    int inFlight = 0;
    for (int call = 0; call < 5_000; call++) {
      while (inFlight < limit.limit()) {
        limit.acquire();
        inFlight++;
      }
      // a quick call and a large page, in turn: each at its own steady pace
      limit.onRoundTrip(
          call % 2 == 0 ? "DescribeRegions" : "DescribeInstances",
          (call % 2 == 0 ? 5 : 300) * MS,
          false);
    }
    assertThat(limit.limit()).isEqualTo(32);
  }

  @Test
  void acquire_waitsForARelease_whenTheLimitIsTaken() throws Exception {
    AdaptiveLimit limit = new AdaptiveLimit(1, 4);
    limit.acquire();
    java.util.concurrent.atomic.AtomicBoolean started =
        new java.util.concurrent.atomic.AtomicBoolean();
    Thread second =
        new Thread(
            () -> {
              try {
                limit.acquire();
                started.set(true);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    second.start();
    while (second.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }
    assertThat(started).as("the second target waits for the first").isFalse();

    limit.release();
    second.join();

    assertThat(started).isTrue();
  }

  @Test
  void manyWaiters_eachFreedSlotLetsOneIn_noneIsLeftWaiting_andTheLimitHolds() throws Exception {
    AdaptiveLimit limit = new AdaptiveLimit(2, 2);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger mostInFlight = new AtomicInteger();
    AtomicInteger calls = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < 300; i++) {
                    limit.acquire();
                    mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    Thread.yield();
                    inFlight.decrementAndGet();
                    calls.incrementAndGet();
                    limit.release();
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      // a lost wake-up leaves a thread waiting for good
      thread.join(60_000);
      assertThat(thread.isAlive()).as("a waiter left waiting").isFalse();
    }
    assertThat(calls).hasValue(8 * 300);
    assertThat(mostInFlight.get()).isEqualTo(2);
  }

  @Test
  void aGrowingLimit_letsAWaiterIn_withNoRelease() throws Exception {
    AdaptiveLimit limit = new AdaptiveLimit(1, 4);
    limit.acquire();
    Thread second =
        new Thread(
            () -> {
              try {
                limit.acquire();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    second.setDaemon(true);
    second.start();
    while (second.getState() != Thread.State.WAITING) {
      Thread.onSpinWait();
    }

    // in slow start a fast answer while the limit is in use grows it by one
    limit.onRoundTrip("DescribeInstances", 50 * MS, false);
    second.join(60_000);

    assertThat(second.isAlive()).as("the waiter still waits").isFalse();
    assertThat(limit.inFlight()).isEqualTo(2);
  }

  @Test
  void limits_onePerHost_oneForAnEndpointThatServesEveryRegion() {
    AdaptiveLimits regional = new AdaptiveLimits(16, null);
    assertThat(regional.forRegion("eu-west-1")).isNotSameAs(regional.forRegion("us-east-1"));
    assertThat(regional.forRegion("eu-west-1")).isSameAs(regional.forRegion("eu-west-1"));

    AdaptiveLimits emulator = new AdaptiveLimits(16, URI.create("http://127.0.0.1:4566"));
    assertThat(emulator.forRegion("eu-west-1")).isSameAs(emulator.forRegion("us-east-1"));
    assertThat(emulator.levels()).containsOnlyKeys("127.0.0.1:4566");
  }

  @Test
  void aBoundedWait_letsTheCallGoOverTheLimit_ratherThanTimeItOut() throws Exception {
    AdaptiveLimit limit = new AdaptiveLimit(1, 4);
    limit.acquire();

    limit.acquire(0);

    // both calls are in flight; their releases bring it back under the limit
    limit.release();
    limit.release();
    limit.acquire(0);
    assertThat(limit.limit()).isEqualTo(1);
  }
}
