package io.awsinventory.collect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The text of an answer's XML, from its bytes: line ends, entities and character references. */
final class XmlText {
  private XmlText() {}

  /**
   * The text of the element whose start was {@code reader}'s last event: see {@link
   * XmlScanner#elementText}. A run's pieces (text, CDATA sections) are joined only when it has more
   * than one.
   */
  static String of(XmlScanner reader) {
    String last = "";
    StringBuilder run = null;
    boolean inRun = false;
    while (true) {
      int event = reader.next();
      if (event == XmlScanner.TEXT) {
        if (!inRun) {
          inRun = true;
          last = reader.text();
          run = null;
        } else {
          if (run == null) {
            run = new StringBuilder(last);
          }
          run.append(reader.text());
        }
      } else if (event == XmlScanner.END) {
        return run != null ? run.toString() : last;
      } else {
        if (run != null) {
          last = run.toString();
          run = null;
        }
        inRun = false;
        if (event == XmlScanner.START) {
          reader.skipElement();
        }
      }
    }
  }

  /**
   * The text of bytes {@code from} to {@code to} with its line ends read as LF and, outside a CDATA
   * section, its entities and character references replaced.
   */
  static String decode(byte[] bytes, int from, int to, boolean inCdata) {
    byte[] out = new byte[to - from];
    int length = 0;
    int at = from;
    while (at < to) {
      byte b = bytes[at];
      if (b == '\r') {
        out[length++] = '\n';
        at++;
        if (at < to && bytes[at] == '\n') {
          at++;
        }
      } else if (b == '&' && !inCdata) {
        int semicolon = at + 1;
        while (semicolon < to && bytes[semicolon] != ';') {
          semicolon++;
        }
        if (semicolon >= to) {
          throw new MalformedXmlException("an entity without its ';'");
        }
        int codePoint = entity(bytes, at + 1, semicolon);
        byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        if (length + utf8.length > out.length) {
          out = Arrays.copyOf(out, Math.max(out.length * 2, length + utf8.length));
        }
        System.arraycopy(utf8, 0, out, length, utf8.length);
        length += utf8.length;
        at = semicolon + 1;
      } else {
        out[length++] = b;
        at++;
      }
    }
    return new String(out, 0, length, StandardCharsets.UTF_8);
  }

  /** The character an entity's name, between its '&' and ';', stands for. */
  private static int entity(byte[] bytes, int from, int to) {
    int length = to - from;
    if (length >= 2 && bytes[from] == '#') {
      boolean hex = bytes[from + 1] == 'x';
      int digits = from + (hex ? 2 : 1);
      if (digits == to || to - digits > 8) {
        throw new MalformedXmlException("a character reference without its number");
      }
      int codePoint = 0;
      for (int at = digits; at < to; at++) {
        int digit = Character.digit(bytes[at], hex ? 16 : 10);
        if (digit < 0) {
          throw new MalformedXmlException(
              "a character reference with a character that is not a digit");
        }
        codePoint = codePoint * (hex ? 16 : 10) + digit;
      }
      if (codePoint == 0
          || codePoint > Character.MAX_CODE_POINT
          || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
        throw new MalformedXmlException("a character reference to no character XML allows");
      }
      return codePoint;
    }
    if (is(bytes, "lt", from, to)) {
      return '<';
    }
    if (is(bytes, "gt", from, to)) {
      return '>';
    }
    if (is(bytes, "amp", from, to)) {
      return '&';
    }
    if (is(bytes, "quot", from, to)) {
      return '"';
    }
    if (is(bytes, "apos", from, to)) {
      return '\'';
    }
    throw new MalformedXmlException("an entity other than the five XML predefines");
  }

  static boolean is(byte[] bytes, String name, int from, int to) {
    if (to - from != name.length()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (bytes[from + i] != name.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
