package io.awsinventory.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.awsinventory.Account;
import io.awsinventory.Status;
import io.awsinventory.TestTypes;
import io.awsinventory.fanout.Outcome;
import io.awsinventory.fanout.Target;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T10:15:30.250Z"), ZoneOffset.UTC);
  private static final Target TARGET =
      new Target(new Account("111122223333", "prod"), null, "eu-west-1");

  private static Outcome outcome(Status status, long records) {
    return new Outcome(TARGET, TestTypes.INSTANCES, status, records, 5, null, null, null);
  }

  private static void step(Progress progress) {
    progress.addPlanned(4);
    progress.finished(outcome(Status.OK, 1200));
    progress.finished(outcome(Status.FAILED, 34));
    progress.finished(outcome(Status.DENIED, 0));
  }

  @Test
  void lines_areTimestampedPlainText() throws Exception {
    StringWriter text = new StringWriter();
    try (Progress progress = Progress.lines(new PrintWriter(text), Duration.ofMillis(40), CLOCK)) {
      step(progress);
      await().atMost(Duration.ofSeconds(10)).until(() -> text.toString().contains("\n"));
    }
    String first = text.toString().lines().findFirst().orElseThrow();

    assertThat(first)
        .startsWith(
            "2026-11-28T10:15:30Z progress: 3/4 account x region x resource steps done, 1234"
                + " records, 2 not ok, ")
        .contains("s elapsed, about ")
        .endsWith("s left");
    assertThat(text.toString()).doesNotContain("\r").doesNotContain("\u001b");
  }

  @Test
  void bar_drawsStepsRecordsAndErrorsOnTheTerminal() throws Exception {
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    StringWriter log = new StringWriter();
    Progress progress =
        Progress.bar(
            new PrintStream(terminal, true, StandardCharsets.UTF_8), new PrintWriter(log), CLOCK);
    step(progress);
    progress.close();
    progress.close();

    String drawn = terminal.toString(StandardCharsets.UTF_8);
    String last = drawn.substring(drawn.lastIndexOf('\r') + 1);
    assertThat(drawn).contains("\r");
    assertThat(last)
        .startsWith("collect  75%")
        .contains("3/4 steps")
        .contains("1234 records, 2 not ok")
        .endsWith(System.lineSeparator());
    assertThat(log.toString()).doesNotContain("\r");
  }

  @Test
  void bar_closedBeforeItsFirstRedraw_stillEndsItsLine() throws Exception {
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();
    BarRefreshThread refresh = BarRefreshThread.hold();
    Progress progress;
    Thread closing;
    try {
      progress = Progress.bar(new PrintStream(terminal, true, StandardCharsets.UTF_8), null, CLOCK);
      step(progress);
      closing = new Thread(progress::close);
      closing.start();
      // the first redraw, cancelled by the close, and the close's own redraw wait behind the hold
      refresh.awaitQueued(2, Duration.ofSeconds(10));
    } finally {
      refresh.release();
    }
    closing.join(Duration.ofSeconds(10).toMillis());

    String drawn = terminal.toString(StandardCharsets.UTF_8);
    assertThat(closing.isAlive()).isFalse();
    assertThat(drawn).endsWith(System.lineSeparator());
    assertThat(drawn.substring(drawn.lastIndexOf('\r') + 1))
        .startsWith("collect  75%")
        .contains("1234 records, 2 not ok");
    assertThat(drawn.chars().filter(c -> c == '\n').count()).as("line ends").isEqualTo(1);
  }

  @Test
  void silent_countsWithoutShowing() {
    try (Progress progress = Progress.silent()) {
      step(progress);
      assertThat(progress.describe())
          .startsWith("3/4 account x region x resource steps, 1234 records, 2 not ok, ");
    }
  }

  @Test
  void remaining_isAStraightLineEstimate() {
    assertThat(new Progress.Snapshot(0, 10, 0, 0, Duration.ofSeconds(5)).remaining()).isEmpty();
    assertThat(new Progress.Snapshot(2, 10, 0, 0, Duration.ofSeconds(5)).remaining())
        .contains(Duration.ofSeconds(20));
    assertThat(new Progress.Snapshot(10, 10, 0, 0, Duration.ofSeconds(5)).remaining())
        .contains(Duration.ZERO);
  }
}
