package io.awsinventory.cli;

import static org.awaitility.Awaitility.await;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Holds the bar library's single refresh thread, so a test can close a bar before its first
 * scheduled redraw, as happens on a slow or busy machine. The library keeps that thread's executor
 * in a package-private field; it is read by reflection, from outside the library's package.
 */
final class BarRefreshThread {
  private final CountDownLatch release = new CountDownLatch(1);
  private final ScheduledThreadPoolExecutor executor;

  private BarRefreshThread(ScheduledThreadPoolExecutor executor) {
    this.executor = executor;
  }

  private static ScheduledThreadPoolExecutor barExecutor() throws ReflectiveOperationException {
    Field field = Class.forName("me.tongfei.progressbar.Util").getDeclaredField("executor");
    field.setAccessible(true);
    return (ScheduledThreadPoolExecutor) field.get(null);
  }

  /** Occupies the refresh thread until {@link #release()}. */
  static BarRefreshThread hold() throws Exception {
    BarRefreshThread hold = new BarRefreshThread(barExecutor());
    CountDownLatch running = new CountDownLatch(1);
    hold.executor.execute(
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
  void awaitQueued(int count, Duration limit) {
    await("tasks queued behind the hold")
        .atMost(limit)
        .pollInterval(Duration.ofMillis(10))
        .until(() -> executor.getQueue().size() >= count);
  }

  void release() {
    release.countDown();
  }
}
