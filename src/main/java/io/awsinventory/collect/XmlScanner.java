package io.awsinventory.collect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the XML of an answer from its UTF-8 bytes, one event at a time, for {@link AnswerReader}:
 * element starts and ends, runs of text, and the comments and processing instructions that break a
 * run. It checks what a well-formed answer must be (every element ends, with its own name, before
 * the answer does) and reads what an answer may hold (attributes, which it passes over, CDATA
 * sections, the five predefined entities and character references, CR LF line ends, which read as
 * LF). A document type declaration fails the answer, as does an entity other than those: an answer
 * has no use for them and nothing here resolves them. Text becomes a string straight from the
 * bytes, with no characters in between.
 */
final class XmlScanner {
  static final int START = 1;
  static final int END = 2;
  static final int TEXT = 3;

  /** A comment or processing instruction: it ends a run of text. */
  static final int OTHER = 4;

  private final byte[] bytes;
  private final int end;
  private int pos;

  /** The open elements' names (prefix included), as offsets and lengths into the bytes. */
  private int[] openFrom = new int[16];

  private int[] openLength = new int[16];
  private int depth;

  /** The last start was {@code <a/>}: its end is the next event. */
  private boolean endPending;

  /** The local name of the element of the last start. */
  private int nameFrom;

  private int nameLength;

  /** The last text's bytes (a CDATA section's inside it); escaped: it holds an entity or a CR. */
  private int textFrom;

  private int textTo;
  private boolean cdata;
  private boolean textEscaped;

  XmlScanner(byte[] bytes) {
    this.bytes = bytes;
    this.end = bytes.length;
  }

  /** Passes over the prolog and the root's start; false when the answer has no root element. */
  boolean toRoot() {
    if (end >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
      pos = 3;
    }
    while (true) {
      while (pos < end && XmlMarkup.isSpace(bytes[pos])) {
        pos++;
      }
      if (pos >= end) {
        return false;
      }
      if (bytes[pos] != '<') {
        throw malformed("text before the root element");
      }
      if (next() == START) {
        return true;
      }
    }
  }

  /** The next event: {@link #START}, {@link #END}, {@link #TEXT} or {@link #OTHER}. */
  int next() {
    if (endPending) {
      endPending = false;
      depth--;
      return END;
    }
    if (pos >= end) {
      throw malformed(depth > 0 ? "the answer ends inside an element" : "the answer ends early");
    }
    if (bytes[pos] != '<') {
      return scanText();
    }
    int at = pos + 1;
    if (at >= end) {
      throw malformed("the answer ends inside markup");
    }
    byte first = bytes[at];
    if (first == '/') {
      return endTag();
    }
    if (first == '?') {
      pos = XmlMarkup.after(bytes, "?>", at + 1);
      return OTHER;
    }
    if (first == '!') {
      if (XmlMarkup.startsWith(bytes, "!--", at)) {
        pos = XmlMarkup.after(bytes, "-->", at + 3);
        return OTHER;
      }
      if (XmlMarkup.startsWith(bytes, "![CDATA[", at)) {
        textFrom = at + 8;
        pos = XmlMarkup.after(bytes, "]]>", textFrom);
        textTo = pos - 3;
        cdata = true;
        textEscaped = XmlMarkup.contains(bytes, (byte) '\r', textFrom, textTo);
        return TEXT;
      }
      throw malformed(
          "a document type declaration or other declaration, which answers do not hold");
    }
    return startTag(at);
  }

  /** Whether the local name of the last start is {@code name}'s bytes. */
  boolean nameIs(byte[] name) {
    return Arrays.equals(bytes, nameFrom, nameFrom + nameLength, name, 0, name.length);
  }

  byte[] bytes() {
    return bytes;
  }

  int nameFrom() {
    return nameFrom;
  }

  int nameLength() {
    return nameLength;
  }

  /** The text of the last event, a run of text or CDATA section, as a string. */
  String text() {
    return textEscaped
        ? XmlText.decode(bytes, textFrom, textTo, cdata)
        : new String(bytes, textFrom, textTo - textFrom, StandardCharsets.UTF_8);
  }

  /**
   * The text of the element whose start was the last event, ending at its end: its last run of
   * characters ("" when it has none), whatever child elements it holds, which are passed over.
   */
  String elementText() {
    return XmlText.of(this);
  }

  /** Passes over the element whose start was the last event, ending at its end. */
  void skipElement() {
    int level = 1;
    while (level > 0) {
      int event = next();
      if (event == START) {
        level++;
      } else if (event == END) {
        level--;
      }
    }
  }

  /** Moves to the next child element's start; false, at the current element's end, if none. */
  boolean toNextChild() {
    while (true) {
      int event = next();
      if (event == START) {
        return true;
      }
      if (event == END) {
        return false;
      }
    }
  }

  private int scanText() {
    int at = pos;
    boolean escaped = false;
    while (at < end) {
      byte b = bytes[at];
      if (b == '<') {
        break;
      }
      if (b == '&' || b == '\r') {
        escaped = true;
      }
      at++;
    }
    if (at >= end && depth > 0) {
      throw malformed("the answer ends inside an element");
    }
    textFrom = pos;
    textTo = at;
    cdata = false;
    textEscaped = escaped;
    pos = at;
    return TEXT;
  }

  private int startTag(int at) {
    int from = at;
    int localFrom = at;
    while (at < end) {
      byte b = bytes[at];
      if (XmlMarkup.isSpace(b) || b == '>' || b == '/') {
        break;
      }
      if (b == ':') {
        localFrom = at + 1;
      }
      at++;
    }
    if (at == from) {
      throw malformed("an element without a name");
    }
    int nameTo = at;
    while (true) {
      while (at < end && XmlMarkup.isSpace(bytes[at])) {
        at++;
      }
      if (at >= end) {
        throw malformed("the answer ends inside a start tag");
      }
      byte b = bytes[at];
      if (b == '>') {
        at++;
        break;
      }
      if (b == '/') {
        if (at + 1 >= end || bytes[at + 1] != '>') {
          throw malformed("a '/' inside a start tag");
        }
        at += 2;
        endPending = true;
        break;
      }
      at = XmlMarkup.attribute(bytes, at);
    }
    push(from, nameTo - from);
    nameFrom = localFrom;
    nameLength = nameTo - localFrom;
    pos = at;
    return START;
  }

  private int endTag() {
    if (depth == 0) {
      throw malformed("an end tag without its start");
    }
    int open = depth - 1;
    int from = pos + 2;
    int length = openLength[open];
    int name = openFrom[open];
    int at = from + length;
    if (at >= end) {
      throw malformed("the answer ends inside an end tag");
    }
    for (int i = 0; i < length; i++) {
      if (bytes[from + i] != bytes[name + i]) {
        throw mismatched(open);
      }
    }
    if (bytes[at] != '>') {
      if (!XmlMarkup.isSpace(bytes[at])) {
        throw mismatched(open);
      }
      while (at < end && XmlMarkup.isSpace(bytes[at])) {
        at++;
      }
      if (at >= end || bytes[at] != '>') {
        throw malformed("the answer ends inside an end tag");
      }
    }
    pos = at + 1;
    depth--;
    return END;
  }

  private MalformedXmlException mismatched(int open) {
    return malformed(
        "the end tag of "
            + new String(bytes, openFrom[open], openLength[open], StandardCharsets.UTF_8)
            + " names another element");
  }

  private void push(int from, int length) {
    if (depth == openFrom.length) {
      openFrom = Arrays.copyOf(openFrom, depth * 2);
      openLength = Arrays.copyOf(openLength, depth * 2);
    }
    openFrom[depth] = from;
    openLength[depth] = length;
    depth++;
  }

  private MalformedXmlException malformed(String what) {
    return new MalformedXmlException(what + " (byte " + pos + ")");
  }
}
