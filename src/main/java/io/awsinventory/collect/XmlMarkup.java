package io.awsinventory.collect;

/** What {@link XmlScanner} passes over in an answer's bytes: attributes, comments, sections. */
final class XmlMarkup {
  private XmlMarkup() {}

  /** Passes over one attribute, {@code name="value"}, from its name; returns where it ends. */
  static int attribute(byte[] bytes, int at) {
    int end = bytes.length;
    int from = at;
    while (at < end && bytes[at] != '=' && !isSpace(bytes[at]) && bytes[at] != '>') {
      at++;
    }
    if (at == from) {
      throw new MalformedXmlException("an attribute without a name (byte " + at + ")");
    }
    while (at < end && isSpace(bytes[at])) {
      at++;
    }
    if (at >= end || bytes[at] != '=') {
      throw new MalformedXmlException("an attribute without a value (byte " + at + ")");
    }
    at++;
    while (at < end && isSpace(bytes[at])) {
      at++;
    }
    if (at >= end || (bytes[at] != '"' && bytes[at] != '\'')) {
      throw new MalformedXmlException("an attribute value without quotes (byte " + at + ")");
    }
    byte quote = bytes[at];
    at++;
    while (at < end && bytes[at] != quote) {
      if (bytes[at] == '<') {
        throw new MalformedXmlException("a '<' inside an attribute value (byte " + at + ")");
      }
      at++;
    }
    if (at >= end) {
      throw new MalformedXmlException(
          "the answer ends inside an attribute value (byte " + at + ")");
    }
    return at + 1;
  }

  static boolean startsWith(byte[] bytes, String text, int at) {
    return at + text.length() <= bytes.length && XmlText.is(bytes, text, at, at + text.length());
  }

  /** Where {@code closing} ends, searching from {@code from}. */
  static int after(byte[] bytes, String closing, int from) {
    int last = bytes.length - closing.length();
    for (int at = from; at <= last; at++) {
      if (bytes[at] == closing.charAt(0) && XmlText.is(bytes, closing, at, at + closing.length())) {
        return at + closing.length();
      }
    }
    throw new MalformedXmlException("the answer ends before a '" + closing + "'");
  }

  static boolean contains(byte[] bytes, byte b, int from, int to) {
    for (int at = from; at < to; at++) {
      if (bytes[at] == b) {
        return true;
      }
    }
    return false;
  }

  static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\t' || b == '\r';
  }
}
