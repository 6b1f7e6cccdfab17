package me.tongfei.progressbar;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds the bar library's single refresh thread, so a test can close a bar before its first
 * scheduled redraw, as happens on a slow or busy machine.
 */
public final class RefreshThread {
  private final CountDownLatch release = new CountDownLatch(1);

  private RefreshThread() {}

  /** Occupies the refresh thread until {@link #release()}. */
  public static RefreshThread hold() throws InterruptedException {
    RefreshThread hold = new RefreshThread();
    CountDownLatch running = new CountDownLatch(1);
    Util.executor.execute(
        () -> {
          running.countDown();
          try {
            hold.release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    if (!running.await(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the bar's refresh thread did not start");
    }
    return hold;
  }

  /** Waits until {@code count} tasks wait behind the hold (cancelled ones included). */
  public void awaitQueued(int count, Duration limit) throws InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (Util.executor.getQueue().size() < count) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only " + Util.executor.getQueue().size() + " tasks queued, expected " + count);
      }
      Thread.sleep(10);
    }
  }

  public void release() {
    release.countDown();
  }
}
