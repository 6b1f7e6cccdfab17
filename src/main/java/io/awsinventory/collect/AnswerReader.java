package io.awsinventory.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an answer of the EC2 and query protocols (EC2, RDS) from its XML straight into the JSON
 * tree {@link SdkRecords} would make of the SDK's model object, through the JDK's StAX API: no
 * element tree or model objects in between. Values are read as XML defines them (comments and
 * processing instructions removed, text, CDATA sections and references joined) and converted with
 * the SDK's converters; anything that is not the answer the call promises fails with a {@link
 * MalformedAnswerException} that names what is wrong: a document that is not well formed (bad
 * UTF-8, an unknown entity, content after the root), a document type declaration, another root
 * element, a missing result element, a member given twice, a value its type cannot hold.
 */
final class AnswerReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final XMLInputFactory FACTORY = factory();

  /** Woodstox's switch for reading an event's text only when it is asked for. */
  private static final String LAZY_PARSING = "com.ctc.wstx.lazyParsing";

  /** How much of an offending value a message shows. */
  private static final int SHOWN = 80;

  private AnswerReader() {}

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
   * The answer in {@code xml} to {@code operation}, read as {@code shape}.
   *
   * @param wrapped whether the answer's members sit in a result element inside the root (the query
   *     protocol: {@code <DescribeDBInstancesResult>}) rather than in the root itself (EC2)
   */
  static ObjectNode read(InputStream xml, String operation, AnswerShape shape, boolean wrapped) {
    XMLStreamReader reader;
    try {
      reader = FACTORY.createXMLStreamReader(xml);
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
    try {
      String root = operation + "Response";
      if (!toNextChild(reader)) {
        throw new MalformedAnswerException("an answer without a root element");
      }
      if (!reader.getLocalName().equals(root)) {
        throw new MalformedAnswerException(
            "the root element is <" + reader.getLocalName() + ">, not <" + root + ">");
      }
      ObjectNode answer;
      if (wrapped) {
        answer = wrappedResult(reader, operation + "Result", shape);
      } else {
        answer = structure(reader, shape);
        shape.requireResult(answer, root);
      }
      // the rest must be well formed too: nothing but comments and blanks after the root
      while (reader.hasNext()) {
        reader.next();
      }
      return answer;
    } catch (XMLStreamException e) {
      throw malformed(e);
    } finally {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // the answer was read, or its failure is on its way
      }
    }
  }

  /** The members of the result element in the root, which must be there. */
  private static ObjectNode wrappedResult(XMLStreamReader reader, String result, AnswerShape shape)
      throws XMLStreamException {
    ObjectNode answer = null;
    while (toNextChild(reader)) {
      if (reader.getLocalName().equals(result) && answer == null) {
        answer = structure(reader, shape);
      } else if (reader.getLocalName().equals(result)) {
        throw new MalformedAnswerException("<" + result + "> appears twice");
      } else {
        skipElement(reader);
      }
    }
    if (answer == null) {
      throw new MalformedAnswerException("an answer without its <" + result + "> element");
    }
    return answer;
  }

  /** The structure whose start the reader is at; the reader ends at its end. */
  private static ObjectNode structure(XMLStreamReader reader, AnswerShape shape)
      throws XMLStreamException {
    JsonNode[] values = new JsonNode[shape.fields.length];
    while (toNextChild(reader)) {
      AnswerShape.Field field = shape.field(reader.getLocalName());
      if (field == null) {
        skipElement(reader);
      } else if (field.flattened) {
        if (values[field.index] == null) {
          values[field.index] =
              field.kind == AnswerShape.Kind.MAP ? NODES.objectNode() : NODES.arrayNode();
        }
        flattenedItem(reader, field, values[field.index]);
      } else if (values[field.index] != null) {
        throw new MalformedAnswerException(
            "member " + field.member + " appears twice in one structure");
      } else {
        values[field.index] = value(reader, field);
      }
    }
    int members = 0;
    for (JsonNode value : values) {
      members += value != null ? 1 : 0;
    }
    ObjectNode node = SdkRecords.objectNode(members);
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        node.set(shape.fields[i].member, values[i]);
      }
    }
    return node;
  }

  /** The value of the element whose start the reader is at; null for a member never filled. */
  private static JsonNode value(XMLStreamReader reader, AnswerShape.Field field)
      throws XMLStreamException {
    switch (field.kind) {
      case TEXT:
        return NODES.textNode(text(reader));
      case VALUE:
        return converted(field, text(reader));
      case STRUCTURE:
        return structure(reader, field.structure);
      case LIST:
        ArrayNode list = NODES.arrayNode();
        while (toNextChild(reader)) {
          list.add(orNull(value(reader, field.item)));
        }
        return list;
      case MAP:
        Map<String, JsonNode> map = new LinkedHashMap<>();
        while (toNextChild(reader)) {
          if (reader.getLocalName().equals("entry")) {
            entry(reader, field, map);
          } else {
            skipElement(reader);
          }
        }
        return mapNode(map);
      default:
        skipElement(reader);
        return null;
    }
  }

  private static JsonNode converted(AnswerShape.Field field, String text) {
    Object value;
    try {
      value = field.converter.convert(text, field.sdkField);
    } catch (RuntimeException e) {
      throw new MalformedAnswerException(
          "member " + field.member + " holds '" + shown(text) + "', not " + field.expected());
    }
    if ((value instanceof Double d && !Double.isFinite(d))
        || (value instanceof Float f && !Float.isFinite(f))) {
      throw new MalformedAnswerException(
          "member " + field.member + " holds '" + shown(text) + "', beyond a finite number");
    }
    return SdkRecords.valueToJson(value);
  }

  private static void flattenedItem(XMLStreamReader reader, AnswerShape.Field field, JsonNode into)
      throws XMLStreamException {
    if (field.kind == AnswerShape.Kind.MAP) {
      Map<String, JsonNode> map = new LinkedHashMap<>();
      entry(reader, field, map);
      map.forEach(((ObjectNode) into)::set);
    } else {
      ((ArrayNode) into).add(orNull(value(reader, field.item)));
    }
  }

  /** One entry of a map: its key and value elements. */
  private static void entry(
      XMLStreamReader reader, AnswerShape.Field field, Map<String, JsonNode> map)
      throws XMLStreamException {
    String key = null;
    JsonNode value = null;
    while (toNextChild(reader)) {
      if (key == null && reader.getLocalName().equals(field.keyName)) {
        key = text(reader);
      } else if (value == null && reader.getLocalName().equals(field.valueName)) {
        value = orNull(value(reader, field.item));
      } else {
        skipElement(reader);
      }
    }
    if (key == null) {
      throw new MalformedAnswerException(
          "a map entry of " + field.member + " without its key element " + field.keyName);
    }
    map.put(key, value == null ? NODES.nullNode() : value);
  }

  /**
   * The text of the element whose start the reader is at, ending at its end: its characters, CDATA
   * sections and references joined, comments and processing instructions left out. A leaf holds no
   * elements: one inside it fails the answer.
   */
  private static String text(XMLStreamReader reader) throws XMLStreamException {
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
  private static boolean toNextChild(XMLStreamReader reader) throws XMLStreamException {
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
  private static void skipElement(XMLStreamReader reader) throws XMLStreamException {
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

  private static MalformedAnswerException malformed(XMLStreamException e) {
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
    String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
    return line.length() <= SHOWN ? line : line.substring(0, SHOWN) + "...";
  }

  private static ObjectNode mapNode(Map<String, JsonNode> map) {
    ObjectNode node = NODES.objectNode();
    map.forEach(node::set);
    return node;
  }

  private static JsonNode orNull(JsonNode value) {
    return value == null ? NODES.nullNode() : value;
  }
}
