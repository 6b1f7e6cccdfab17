package io.awsinventory.cli;

import io.awsinventory.Printable;
import io.awsinventory.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The last step before a byte reaches stderr or the log file: each line has every registered secret
 * masked and its control characters shown escaped, so no code path — a library's message, a debug
 * log call, text an AWS answer carried — can print a secret, move the cursor or forge a line.
 */
final class SafeLines extends OutputStream {
  private final OutputStream out;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

  SafeLines(OutputStream out) {
    this.out = out;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    if (b == '\n') {
      writeLine(true);
    } else {
      line.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      write(bytes[i]);
    }
  }

  private void writeLine(boolean ended) throws IOException {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1); // a Windows line end, not a forged line
    }
    String safe = Printable.escape(Secrets.redact(text).replace("\t", "    "));
    out.write((ended ? safe + System.lineSeparator() : safe).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public synchronized void flush() throws IOException {
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    if (line.size() > 0) {
      writeLine(false);
    }
    out.close();
  }
}
