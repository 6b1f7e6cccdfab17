package io.awsinventory.transport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The client-side limit of {@code --max-rate}: at most so many calls a second per account x region
 * x API, with a burst of one second's worth, so a run never spends the API budget the account's own
 * automation shares (EC2 refills its bucket of Describe calls at 20 a second per account x region).
 * Every attempt counts, retries included. A call that would exceed the rate waits its turn.
 */
public final class RateLimits {
  /** The default: half of EC2's documented refill rate for Describe calls. */
  public static final int DEFAULT_PER_SECOND = 10;

  private final double perSecond;
  private final LongSupplier nanoClock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param perSecond calls a second per key; 0 for no limit
   */
  public RateLimits(double perSecond) {
    this(perSecond, System::nanoTime);
  }

  RateLimits(double perSecond, LongSupplier nanoClock) {
    this.perSecond = perSecond;
    this.nanoClock = nanoClock;
  }

  public boolean limits() {
    return perSecond > 0;
  }

  /** Waits until a call under {@code key} ("account/region/API") may go. */
  public void acquire(String key) throws InterruptedException {
    long wait = reserve(key);
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  /** Takes the next turn under {@code key}; returns how long to wait for it, in nanoseconds. */
  long reserve(String key) {
    if (perSecond <= 0) {
      return 0;
    }
    return buckets
        .computeIfAbsent(key, k -> new Bucket(perSecond, nanoClock.getAsLong()))
        .reserve(nanoClock.getAsLong());
  }

  /**
   * A token bucket that hands out future tokens: a caller that finds it empty takes the next token
   * to be refilled and waits until then, so waiting callers queue in order.
   */
  private static final class Bucket {
    private final double perNano;
    private final double burst;
    private double tokens;
    private long last;

    Bucket(double perSecond, long now) {
      this.perNano = perSecond / 1e9;
      this.burst = Math.max(1, perSecond);
      this.tokens = burst;
      this.last = now;
    }

    synchronized long reserve(long now) {
      if (now > last) {
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
      }
      tokens -= 1;
      return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / perNano);
    }
  }
}
