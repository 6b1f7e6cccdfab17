package io.awsinventory.fanout;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts finished account x region x resource steps and prints a plain progress line at a steady
 * interval: no carriage returns or colours, so it reads the same in a terminal, a pipe or a log.
 */
public final class Progress implements AutoCloseable {
  private final PrintWriter err;
  private final long startNanos = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger notOk = new AtomicInteger();
  private final AtomicLong records = new AtomicLong();
  private final ScheduledExecutorService ticker;
  private final AtomicInteger total = new AtomicInteger();

  private Progress(PrintWriter err, Duration interval) {
    this.err = err;
    if (err == null) {
      ticker = null;
      return;
    }
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "aws-inventory-progress");
              thread.setDaemon(true);
              return thread;
            });
    long millis = interval.toMillis();
    ticker.scheduleAtFixedRate(this::print, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Progress printed to {@code err} every {@code interval}. */
  public static Progress printingTo(PrintWriter err, Duration interval) {
    return new Progress(err, interval);
  }

  /** Progress counted but never printed ({@code --quiet}). */
  public static Progress silent() {
    return new Progress(null, Duration.ZERO);
  }

  public void addPlanned(int steps) {
    total.addAndGet(steps);
  }

  void finished(Outcome outcome) {
    done.incrementAndGet();
    records.addAndGet(outcome.records());
    if (outcome.status() == Status.DENIED || outcome.status() == Status.FAILED) {
      notOk.incrementAndGet();
    }
  }

  /** "12/40 account x region x resource steps, 1234 records, 0 not ok, 35s". */
  public String describe() {
    long seconds = Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
    return String.format(
        "%d/%d account x region x resource steps, %d records, %d not ok, %ds",
        done.get(), total.get(), records.get(), notOk.get(), seconds);
  }

  private void print() {
    long seconds = Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
    err.printf(
        "progress: %d/%d account x region x resource steps done, %d records, %d not ok, %ds elapsed%n",
        done.get(), total.get(), records.get(), notOk.get(), seconds);
    err.flush();
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
  }
}
