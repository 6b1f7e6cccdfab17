package io.awsinventory.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The log file's stream: every line starts with an ISO-8601 UTC time, so runs appended night after
 * night can be told apart. Lines that already start with one (the logger's, the progress lines) are
 * written as they are. A line is written whole once its end arrives.
 */
final class TimestampedLines extends OutputStream {
  private static final Pattern STARTS_WITH_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");

  private final OutputStream out;
  private final Clock clock;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

  TimestampedLines(OutputStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    line.write(b);
    if (b == '\n') {
      writeLine();
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      write(bytes[i]);
    }
  }

  private void writeLine() throws IOException {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (!STARTS_WITH_TIME.matcher(text).lookingAt()) {
      text = clock.instant().truncatedTo(ChronoUnit.MILLIS) + " " + text;
    }
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public synchronized void flush() throws IOException {
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    if (line.size() > 0) {
      line.write('\n');
      writeLine();
    }
    out.close();
  }
}
