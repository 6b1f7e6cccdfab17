package io.awsinventory.output;

import java.io.Writer;
import java.util.Arrays;

/**
 * A writer that keeps what it is given as UTF-8 bytes in memory, for a record's line: no string and
 * no character copy in between. Half a surrogate pair becomes '?', as Java's own UTF-8 encoders
 * make it, so a line reads the same whichever spill it lies in.
 */
final class Utf8Buffer extends Writer {
  private byte[] bytes;
  private int length;

  /** A high surrogate whose low half may come in the next write. */
  private char pendingHigh;

  Utf8Buffer(int capacity) {
    bytes = new byte[capacity];
  }

  @Override
  public void write(char[] chars, int from, int count) {
    int end = from + count;
    ensure(length + 3 * count + 4);
    byte[] out = bytes;
    int at = length;
    for (int i = from; i < end; i++) {
      char c = chars[i];
      if (c < 0x80 && pendingHigh == 0) {
        out[at++] = (byte) c;
      } else {
        length = at;
        encode(c);
        at = length;
      }
    }
    length = at;
  }

  @Override
  public void write(String text, int from, int count) {
    int end = from + count;
    ensure(length + 3 * count + 4);
    for (int i = from; i < end; i++) {
      encode(text.charAt(i));
    }
  }

  @Override
  public void write(int c) {
    ensure(length + 7);
    encode((char) c);
  }

  private void encode(char c) {
    if (pendingHigh != 0) {
      char high = pendingHigh;
      pendingHigh = 0;
      if (Character.isLowSurrogate(c)) {
        int codePoint = Character.toCodePoint(high, c);
        bytes[length++] = (byte) (0xF0 | (codePoint >> 18));
        bytes[length++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
        bytes[length++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
        bytes[length++] = (byte) (0x80 | (codePoint & 0x3F));
        return;
      }
      bytes[length++] = '?';
    }
    if (c < 0x80) {
      bytes[length++] = (byte) c;
    } else if (c < 0x800) {
      bytes[length++] = (byte) (0xC0 | (c >> 6));
      bytes[length++] = (byte) (0x80 | (c & 0x3F));
    } else if (Character.isHighSurrogate(c)) {
      pendingHigh = c;
    } else if (Character.isLowSurrogate(c)) {
      bytes[length++] = '?';
    } else {
      bytes[length++] = (byte) (0xE0 | (c >> 12));
      bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      bytes[length++] = (byte) (0x80 | (c & 0x3F));
    }
  }

  private void ensure(int capacity) {
    if (capacity > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
    }
  }

  /** The bytes written since the last reset; a high surrogate left alone ends as '?'. */
  byte[] toByteArray() {
    if (pendingHigh != 0) {
      pendingHigh = 0;
      ensure(length + 1);
      bytes[length++] = '?';
    }
    return Arrays.copyOf(bytes, length);
  }

  void reset() {
    length = 0;
    pendingHigh = 0;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
