package io.awsinventory.fanout;

/**
 * How many targets may be in flight toward one endpoint host: an additive-increase,
 * multiplicative-decrease limit fed by the round trips of their calls. It grows by one for every
 * {@code limit} calls while the host answers as fast as it did at its fastest and the limit is in
 * use; it shrinks by a tenth when the round trip has grown to twice that (requests queue somewhere:
 * the host, the network, or this machine's cores), and by half on throttling or an overloaded
 * answer (HTTP 429 or 5xx). It never leaves [1, bound].
 */
public final class AdaptiveLimit {
  /** Round trips this many times the fastest seen mean queueing. */
  static final double TOLERANCE = 2.0;

  /** The weight of a new round trip in the smoothed one. */
  static final double SMOOTHING = 0.1;

  private final int bound;
  private double limit;
  private int inFlight;
  private double fastest = Double.MAX_VALUE;
  private double smoothed;
  private long callsSinceDecrease;

  /**
   * @param initial the limit to start from
   * @param bound the most targets ever in flight: {@code --concurrency}
   */
  public AdaptiveLimit(int initial, int bound) {
    this.bound = bound;
    this.limit = Math.max(1, Math.min(initial, bound));
  }

  /** Waits until one more target may start. */
  public synchronized void acquire() throws InterruptedException {
    while (inFlight >= (int) limit) {
      wait();
    }
    inFlight++;
  }

  /** A target has ended. */
  public synchronized void release() {
    inFlight--;
    notifyAll();
  }

  /** One round trip of one call of a target in flight. */
  public synchronized void onRoundTrip(long nanos, boolean overloaded) {
    double sample = Math.max(1, nanos);
    fastest = Math.min(fastest, sample);
    smoothed = smoothed == 0 ? sample : smoothed + SMOOTHING * (sample - smoothed);
    callsSinceDecrease++;
    if (overloaded) {
      decrease(0.5);
    } else if (smoothed > TOLERANCE * fastest) {
      if (callsSinceDecrease > limit) {
        decrease(0.9);
      }
    } else if (inFlight >= (int) limit) {
      limit = Math.min(bound, limit + 1 / limit);
      notifyAll();
    }
  }

  private void decrease(double factor) {
    limit = Math.max(1, limit * factor);
    callsSinceDecrease = 0;
  }

  /** The current limit, in whole targets. */
  public synchronized int limit() {
    return (int) limit;
  }

  public int bound() {
    return bound;
  }
}
