package io.awsinventory.collect;

import java.io.InputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Walking an answer's XML with the JDK's StAX API (Woodstox behind it), as {@link AnswerReader} and
 * {@link AnswerCheck} do: a reader that resolves nothing (no document type, no external entity) and
 * reports a fault at the event that meets it; moves between elements; a value's text as XML defines
 * it; and the one-line message of a document that is not well formed.
 */
final class XmlEvents {
  private static final XMLInputFactory FACTORY = factory();

  /** Woodstox's switch for reading an event's text only when it is asked for. */
  private static final String LAZY_PARSING = "com.ctc.wstx.lazyParsing";

  /** How much of an offending value a message shows. */
  private static final int SHOWN = 80;

  private XmlEvents() {}

  /** Closes {@code reader}, if any; a failure to close a read answer changes nothing. */
  static void close(XMLStreamReader reader) {
    if (reader == null) {
      return;
    }
    try {
      reader.close();
    } catch (XMLStreamException ignored) {
      // the answer was read, or its failure is on its way
    }
  }

  /** A reader of {@code xml}; a document that cannot even be started fails as malformed. */
  static XMLStreamReader open(InputStream xml) {
    try {
      return FACTORY.createXMLStreamReader(xml);
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
  }

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    // an answer has no use for a document type: nothing is resolved or fetched
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    // errors at the event that meets them, not later from a getter as an unchecked exception
    if (factory.isPropertySupported(LAZY_PARSING)) {
      factory.setProperty(LAZY_PARSING, false);
    }
    return factory;
  }

  /**
   * The text of the element whose start the reader is at, ending at its end: its characters, CDATA
   * sections and references joined, comments and processing instructions left out. A leaf holds no
   * elements: one inside it fails the answer.
   */
  static String text(XMLStreamReader reader) throws XMLStreamException {
    String first = null;
    StringBuilder joined = null;
    while (true) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (first == null) {
            first = reader.getText();
          } else {
            if (joined == null) {
              joined = new StringBuilder(first);
            }
            joined.append(reader.getText());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          return joined != null ? joined.toString() : first == null ? "" : first;
        }
        case XMLStreamConstants.START_ELEMENT ->
            throw new MalformedAnswerException(
                "an element <" + reader.getLocalName() + "> inside a value");
        default -> {
          // a comment or processing instruction: not part of the value
        }
      }
    }
  }

  /** Moves to the next child element's start; false, at the current element's end, if none. */
  static boolean toNextChild(XMLStreamReader reader) throws XMLStreamException {
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT) {
        return false;
      }
      if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
        throw new MalformedAnswerException(
            "a document type declaration or entity, which answers do not hold");
      }
    }
    return false;
  }

  /** Passes over the element whose start the reader is at, ending at its end. */
  static void skipElement(XMLStreamReader reader) throws XMLStreamException {
    int level = 1;
    while (level > 0) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        level++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        level--;
      } else if (event == XMLStreamConstants.ENTITY_REFERENCE) {
        throw new MalformedAnswerException("an entity, which answers do not hold");
      }
    }
  }

  static MalformedAnswerException malformed(XMLStreamException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " (line "
                + e.getLocation().getLineNumber()
                + ", column "
                + e.getLocation().getColumnNumber()
                + ")";
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    // StAX puts its location on a line of its own before the words
    message =
        message
            .replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "")
            .replaceFirst("(?s)\\s*at \\[row,col[^\\]]*\\]: \\[\\d+,\\d+\\].*$", "");
    return new MalformedAnswerException("not well-formed XML" + where + ": " + shown(message));
  }

  /** A text as a message shows it: on one line, cut to 80 characters. */
  static String shown(String text) {
    return shown(text, SHOWN);
  }

  /** A text as a message shows it: on one line, cut to {@code max} characters. */
  static String shown(String text, int max) {
    String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
    return line.length() <= max ? line : line.substring(0, max) + "...";
  }
}
