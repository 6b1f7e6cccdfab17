package io.awsinventory.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/** Reads the records of spills as the UTF-8 bytes of each line, through one reused buffer. */
final class SpillLines {
  /** Takes one line's bytes, without its newline. */
  @FunctionalInterface
  interface LineConsumer {
    void accept(byte[] bytes, int from, int length) throws IOException;
  }

  private byte[] buffer = new byte[1 << 16];

  /** Hands each line of {@code spill} to {@code consumer}, in order. */
  void forEach(FileChannel channel, Spill spill, LineConsumer consumer) throws IOException {
    long position = spill.offset();
    long end = spill.offset() + spill.length();
    int filled = 0;
    while (position < end) {
      if (filled == buffer.length) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
      int wanted = (int) Math.min(buffer.length - filled, end - position);
      int read = channel.read(ByteBuffer.wrap(buffer, filled, wanted), position);
      if (read < 0) {
        throw new IOException("the records in " + spill.file() + " end before their length");
      }
      position += read;
      filled += read;
      int from = 0;
      for (int i = 0; i < filled; i++) {
        if (buffer[i] == '\n') {
          consumer.accept(buffer, from, i - from);
          from = i + 1;
        }
      }
      System.arraycopy(buffer, from, buffer, 0, filled - from);
      filled -= from;
    }
    if (filled > 0) {
      consumer.accept(buffer, 0, filled);
    }
  }
}
