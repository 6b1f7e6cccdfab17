package io.awsinventory.cli;

import io.awsinventory.fanout.Outcome;
import io.awsinventory.run.RunProgress;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Counts finished account x region x resource steps and shows them: as a live bar when stderr is a
 * terminal, as plain timestamped lines at a steady interval otherwise (no carriage returns or
 * colours, so a pipe, a scheduler's mail or a log reads them as they are), or not at all.
 */
public final class Progress implements RunProgress {
  /** How often a plain line is printed. */
  public static final Duration LINE_INTERVAL = Duration.ofSeconds(15);

  /** How often the bar is redrawn. */
  static final Duration BAR_INTERVAL = Duration.ofMillis(500);

  /** The bar's terminal library logs through java.util.logging; kept here so it stays quiet. */
  private static final Logger TERMINAL_LOG = Logger.getLogger("org.jline");

  private final long startNanos = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger notOk = new AtomicInteger();
  private final AtomicLong records = new AtomicLong();
  private final AtomicInteger total = new AtomicInteger();
  private final List<Display> displays = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private ScheduledExecutorService ticker;

  /** What the counters say at one moment. */
  public record Snapshot(int done, int total, long records, int notOk, Duration elapsed) {
    /** A straight-line estimate of the time left; empty until a step is done. */
    public Optional<Duration> remaining() {
      if (done == 0 || total <= done) {
        return done == 0 ? Optional.empty() : Optional.of(Duration.ZERO);
      }
      return Optional.of(elapsed.multipliedBy(total - done).dividedBy(done));
    }
  }

  /** One way of showing the counters. */
  private interface Display {
    Duration interval();

    void show(Snapshot snapshot);

    void close(Snapshot snapshot);
  }

  private Progress() {}

  /** Progress counted but never shown ({@code --quiet}). */
  public static Progress silent() {
    return new Progress();
  }

  /** Plain timestamped lines on {@code out} every {@code interval}. */
  public static Progress lines(PrintWriter out, Duration interval, Clock clock) {
    return new Progress().with(new Lines(out, interval, clock));
  }

  /**
   * A live bar on {@code terminal}; with {@code log} (a log file), plain timestamped lines there
   * too, as the bar's redraws would make no sense in a file.
   */
  public static Progress bar(PrintStream terminal, PrintWriter log, Clock clock) {
    Progress progress = new Progress().with(new Bar(terminal));
    return log == null ? progress : progress.with(new Lines(log, LINE_INTERVAL, clock));
  }

  private Progress with(Display display) {
    if (ticker == null) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread thread = new Thread(r, "aws-inventory-progress");
                thread.setDaemon(true);
                return thread;
              });
    }
    displays.add(display);
    long millis = display.interval().toMillis();
    ticker.scheduleAtFixedRate(
        () -> display.show(snapshot()), millis, millis, TimeUnit.MILLISECONDS);
    return this;
  }

  @Override
  public void addPlanned(int steps) {
    total.addAndGet(steps);
  }

  @Override
  public void finished(Outcome outcome) {
    done.incrementAndGet();
    records.addAndGet(outcome.records());
    if (outcome.status().incomplete()) {
      notOk.incrementAndGet();
    }
  }

  public Snapshot snapshot() {
    return new Snapshot(
        done.get(),
        total.get(),
        records.get(),
        notOk.get(),
        Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /** "12/40 account x region x resource steps, 1234 records, 0 not ok, 35s". */
  public String describe() {
    Snapshot s = snapshot();
    return String.format(
        Locale.ROOT,
        "%d/%d account x region x resource steps, %d records, %d not ok, %ds",
        s.done(),
        s.total(),
        s.records(),
        s.notOk(),
        s.elapsed().toSeconds());
  }

  /** Stops the displays, the bar drawn a last time; a second close does nothing. */
  @Override
  public void close() {
    if (ticker == null || !closed.compareAndSet(false, true)) {
      return;
    }
    ticker.shutdownNow();
    try {
      ticker.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Snapshot last = snapshot();
    displays.forEach(d -> d.close(last));
  }

  /** "2026-11-28T13:05:00Z progress: 12/40 steps done, ...". */
  private static final class Lines implements Display {
    private final PrintWriter out;
    private final Duration interval;
    private final Clock clock;

    Lines(PrintWriter out, Duration interval, Clock clock) {
      this.out = out;
      this.interval = interval;
      this.clock = clock;
    }

    @Override
    public Duration interval() {
      return interval;
    }

    @Override
    public void show(Snapshot s) {
      String left = s.remaining().map(d -> ", about " + d.toSeconds() + "s left").orElse("");
      out.printf(
          Locale.ROOT,
          "%s progress: %d/%d account x region x resource steps done, %d records, %d not ok,"
              + " %ds elapsed%s%n",
          clock.instant().truncatedTo(ChronoUnit.SECONDS),
          s.done(),
          s.total(),
          s.records(),
          s.notOk(),
          s.elapsed().toSeconds(),
          left);
      out.flush();
    }

    @Override
    public void close(Snapshot snapshot) {
      // the run's closing report follows
    }
  }

  /** The live bar: steps done of planned, elapsed and ETA, records and errors. */
  private static final class Bar implements Display {
    private final ProgressBar bar;
    private final LastLine line;

    Bar(PrintStream terminal) {
      TERMINAL_LOG.setLevel(Level.OFF);
      line = new LastLine(terminal);
      String encoding =
          System.getProperty("stderr.encoding", java.nio.charset.Charset.defaultCharset().name());
      boolean unicode = StandardCharsets.UTF_8.name().equalsIgnoreCase(encoding);
      bar =
          new ProgressBarBuilder()
              .setTaskName("collect")
              .setInitialMax(0)
              .setUnit(" steps", 1)
              .setStyle(unicode ? ProgressBarStyle.UNICODE_BLOCK : ProgressBarStyle.ASCII)
              .setUpdateIntervalMillis((int) BAR_INTERVAL.toMillis())
              .continuousUpdate()
              .setConsumer(line)
              .build();
    }

    @Override
    public Duration interval() {
      return BAR_INTERVAL;
    }

    @Override
    public void show(Snapshot s) {
      bar.maxHint(Math.max(s.total(), 1));
      bar.stepTo(s.done());
      bar.setExtraMessage(s.records() + " records, " + s.notOk() + " not ok");
    }

    @Override
    public void close(Snapshot snapshot) {
      show(snapshot);
      bar.close();
      if (!line.ended()) {
        // Closed before the bar's first scheduled redraw: that close only drew the bar, so a second
        // one ends the line (and releases the terminal) before the closing report is printed.
        bar.close();
      }
      // and should a close be interrupted before the bar's thread ran it, the line still ends here
      line.close();
    }
  }

  /** The terminal consumer, ending the bar's line once however often it is closed. */
  private static final class LastLine extends ConsoleProgressBarConsumer {
    private final AtomicBoolean ended = new AtomicBoolean();

    LastLine(PrintStream out) {
      super(out);
    }

    boolean ended() {
      return ended.get();
    }

    @Override
    public void close() {
      if (ended.compareAndSet(false, true)) {
        super.close();
      }
    }
  }
}
