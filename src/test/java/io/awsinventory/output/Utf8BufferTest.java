package io.awsinventory.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The buffer's bytes are Java's own UTF-8 encoding of the text, however the writes cut it. */
class Utf8BufferTest {
  private static final char[] CHARS = {
    'a', '"', '\n', '\u00e9', '\u07ff', '\u0800', '\u20ac', '\uffff', '\uD83D', '\uDE00', '\uDBFF',
    '\uDC00'
  };

  @Test
  void randomTextInRandomPieces_isJavasUtf8_withHalfPairsAsQuestionMarks() {
    Random random = new Random(7);
    Utf8Buffer buffer = new Utf8Buffer(4);
    for (int round = 0; round < 3000; round++) {
      char[] text = new char[random.nextInt(40)];
      for (int i = 0; i < text.length; i++) {
        text[i] = CHARS[random.nextInt(CHARS.length)];
      }
      buffer.reset();
      int at = 0;
      while (at < text.length) {
        int count = Math.min(text.length - at, 1 + random.nextInt(5));
        switch (random.nextInt(3)) {
          case 0 -> buffer.write(text, at, count);
          case 1 -> buffer.write(new String(text), at, count);
          default -> {
            buffer.write(text[at]);
            count = 1;
          }
        }
        at += count;
      }

      assertThat(buffer.toByteArray())
          .as(new String(text))
          .isEqualTo(new String(text).getBytes(StandardCharsets.UTF_8));
    }
  }
}
