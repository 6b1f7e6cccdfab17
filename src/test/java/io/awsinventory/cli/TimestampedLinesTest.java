package io.awsinventory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimestampedLinesTest {
  private final Clock clock =
      Clock.fixed(Instant.parse("2026-11-29T01:02:03.456789Z"), ZoneOffset.UTC);

  private String written(String... pieces) throws Exception {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    try (TimestampedLines lines = new TimestampedLines(file, clock)) {
      for (String piece : pieces) {
        byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
        lines.write(bytes, 0, bytes.length);
      }
    }
    return file.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aLineWithoutATime_getsTheClocksTimeToTheMillisecond() throws Exception {
    assertThat(written("collected 3 records\n"))
        .isEqualTo("2026-11-29T01:02:03.456Z collected 3 records\n");
  }

  @Test
  void aLoggerLineThatStartsWithItsOwnTime_isWrittenOnce() throws Exception {
    assertThat(written("2026-11-29T01:00:00.000Z DEBUG RunReport - settled\n"))
        .isEqualTo("2026-11-29T01:00:00.000Z DEBUG RunReport - settled\n");
  }

  @Test
  void linesArriveInPieces_andAnUnfinishedLastLineIsEndedOnClose() throws Exception {
    assertThat(written("first ", "half\n2026-11-29T00:59:59+01:00 own\nlast"))
        .isEqualTo(
            "2026-11-29T01:02:03.456Z first half\n"
                + "2026-11-29T00:59:59+01:00 own\n"
                + "2026-11-29T01:02:03.456Z last\n");
  }

  @Test
  void aDateInsideALine_isNotATimeAtItsStart() throws Exception {
    assertThat(written("exit 0 at 2026-11-29T01:00\n"))
        .isEqualTo("2026-11-29T01:02:03.456Z exit 0 at 2026-11-29T01:00\n");
  }
}
