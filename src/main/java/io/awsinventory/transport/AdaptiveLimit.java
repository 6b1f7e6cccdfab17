package io.awsinventory.transport;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How many calls may be in flight toward one endpoint host: an additive-increase,
 * multiplicative-decrease limit fed by their round trips. Until it first shrinks it grows by one
 * for every call answered while it is in use (doubling every round trip, as TCP's slow start does),
 * then by one for every {@code limit} calls, or by one a call back up to where it last shrank for
 * queueing; it grows only while the host answers within twice the time it took at its fastest and
 * the limit is in use. It shrinks by a tenth when the round trip has grown past that, in the answer
 * at hand and in the smoothed round trip of the API's answers (requests queue somewhere: the host,
 * the network, or this machine's cores), and by half on throttling or an overloaded answer (HTTP
 * 429 or 5xx). It never leaves [1, bound].
 */
public final class AdaptiveLimit {
  /** Round trips this many times the fastest seen mean queueing. */
  static final double TOLERANCE = 2.0;

  /** The weight of a new round trip in the smoothed one. */
  static final double SMOOTHING = 0.1;

  private static final int FASTEST = 0;
  private static final int SMOOTHED = 1;

  private final int bound;
  private double limit;
  private int inFlight;

  /** Per API: the fastest round trip seen and the smoothed one; APIs answer at their own pace. */
  private final Map<String, double[]> paces = new HashMap<>();

  private long callsSinceDecrease = Long.MAX_VALUE / 2;

  /** Until the first sign of queueing or throttling: the limit grows fast. */
  private boolean slowStart = true;

  /**
   * The limit before it last shrank for queueing: it grows back to it as fast as in slow start, as
   * TCP's CUBIC regrows to where it last lost, then slowly beyond. Queueing on a cold start (this
   * machine's cores busy loading and compiling the tool) would otherwise keep a large run far below
   * its level for seconds. After throttling it regrows slowly: the host asked for fewer calls.
   */
  private double shrankFrom;

  /**
   * @param initial the limit to start from
   * @param bound the most calls ever in flight: {@code --concurrency}
   */
  public AdaptiveLimit(int initial, int bound) {
    this.bound = bound;
    this.limit = Math.max(1, Math.min(initial, bound));
  }

  /** Waits until one more call may be sent. */
  public synchronized void acquire() throws InterruptedException {
    acquire(Long.MAX_VALUE);
  }

  /**
   * Waits until one more call may be sent, or {@code maxWaitNanos} at most: the limit paces calls,
   * it must never be the reason one times out, so after that wait the call goes anyway.
   */
  public synchronized void acquire(long maxWaitNanos) throws InterruptedException {
    long deadline = System.nanoTime() + maxWaitNanos;
    while (inFlight >= (int) limit) {
      long left = deadline - System.nanoTime();
      if (maxWaitNanos != Long.MAX_VALUE && left <= 0) {
        break;
      }
      if (maxWaitNanos == Long.MAX_VALUE) {
        wait();
      } else {
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }
    inFlight++;
  }

  /**
   * A call's answer has arrived, or the call has ended. One slot is free: one waiter is woken, not
   * all of them (at a cold start dozens wait for a small limit, and every answer woke them all to
   * find one slot). A waiter that finds the slot taken by a newcomer waits again; the slot is in
   * use either way.
   */
  public synchronized void release() {
    inFlight--;
    notify();
  }

  /** One round trip of one call of {@code api}. */
  public synchronized void onRoundTrip(String api, long nanos, boolean overloaded) {
    double sample = Math.max(1, nanos);
    double[] pace = paces.computeIfAbsent(api, a -> new double[] {sample, sample});
    pace[FASTEST] = Math.min(pace[FASTEST], sample);
    pace[SMOOTHED] += SMOOTHING * (sample - pace[SMOOTHED]);
    callsSinceDecrease++;
    if (overloaded) {
      // once per round of the limit's calls: one burst of refusals is one signal
      if (callsSinceDecrease > limit) {
        shrankFrom = 0;
        decrease(0.5);
      }
    } else if (sample > TOLERANCE * pace[FASTEST]) {
      // queueing when the answers of late say so and this one does too: the smoothed round trip
      // starts from the API's first answer, which on a cold start is slow for the tool's own
      // reasons, and keeps that for a while after the host has shown its pace
      if (pace[SMOOTHED] > TOLERANCE * pace[FASTEST] && callsSinceDecrease > limit) {
        shrankFrom = limit;
        decrease(0.9);
      }
    } else if (inFlight >= (int) limit) {
      int before = (int) limit;
      limit = Math.min(bound, limit + (slowStart || limit < shrankFrom ? 1 : 1 / limit));
      if ((int) limit > before) {
        // it grows by one slot at most
        notify();
      }
    }
  }

  private void decrease(double factor) {
    limit = Math.max(1, limit * factor);
    callsSinceDecrease = 0;
    slowStart = false;
  }

  /** The current limit, in whole calls. */
  public synchronized int limit() {
    return (int) limit;
  }

  /** The calls in flight now. */
  synchronized int inFlight() {
    return inFlight;
  }

  public int bound() {
    return bound;
  }
}
