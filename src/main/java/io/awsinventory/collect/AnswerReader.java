package io.awsinventory.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Reads an answer of the EC2 and query protocols (EC2, RDS) from its XML straight into the JSON
 * tree {@link SdkRecords} would make of the SDK's model object: one pass over the text, with no
 * element tree and no model objects in between. It reads as the SDK's own unmarshaller does: the
 * first element of a member's name counts, a list holds its element's children whatever their
 * names, a leaf's text is its last run of characters, and values convert with the SDK's converters.
 */
final class AnswerReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Set up as the SDK sets up its own: no document type definitions, no external entities. */
  private static final XMLInputFactory FACTORY = factory();

  private AnswerReader() {}

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newInstance();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    return factory;
  }

  /**
   * The answer in {@code xml}, read as {@code shape}.
   *
   * @param wrapped whether the answer's members sit in a result element inside the root (the query
   *     protocol: {@code <DescribeDBInstancesResult>}) rather than in the root itself (EC2)
   */
  static ObjectNode read(InputStream xml, AnswerShape shape, boolean wrapped) {
    try {
      XMLStreamReader reader = FACTORY.createXMLStreamReader(xml);
      try {
        while (reader.next() != XMLStreamConstants.START_ELEMENT) {
          // the prolog: declaration, comments, white space
        }
        if (wrapped && !toNextChild(reader)) {
          return NODES.objectNode();
        }
        return structure(reader, shape);
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      throw SdkClientException.create("Could not parse XML response.", e);
    }
  }

  /**
   * Moves to the start of the current element's next child element; false, at the current element's
   * end, when it has no more.
   */
  private static boolean toNextChild(XMLStreamReader reader) throws XMLStreamException {
    while (true) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT) {
        return false;
      }
    }
  }

  /** The structure whose start the reader is at; the reader ends at its end. */
  private static ObjectNode structure(XMLStreamReader reader, AnswerShape shape)
      throws XMLStreamException {
    JsonNode[] values = new JsonNode[shape.fields.length];
    while (true) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        AnswerShape.Field field = shape.byElement.get(reader.getLocalName());
        if (field == null) {
          skip(reader);
        } else if (field.flattened) {
          if (values[field.index] == null) {
            values[field.index] =
                field.kind == AnswerShape.Kind.MAP ? NODES.objectNode() : NODES.arrayNode();
          }
          flattenedItem(reader, field, values[field.index]);
        } else if (values[field.index] != null) {
          skip(reader);
        } else {
          values[field.index] = value(reader, field);
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        break;
      }
    }
    ObjectNode node = NODES.objectNode();
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
        return SdkRecords.valueToJson(field.converter.convert(text(reader), field.sdkField));
      case STRUCTURE:
        return structure(reader, field.structure);
      case LIST:
        ArrayNode list = NODES.arrayNode();
        while (toNextChild(reader)) {
          list.add(orNull(value(reader, field.item)));
        }
        return list;
      case MAP:
        Map<String, JsonNode> map = new HashMap<>();
        while (toNextChild(reader)) {
          if (reader.getLocalName().equals("entry")) {
            entry(reader, field, map);
          } else {
            skip(reader);
          }
        }
        return mapNode(map);
      default:
        skip(reader);
        return null;
    }
  }

  private static void flattenedItem(XMLStreamReader reader, AnswerShape.Field field, JsonNode into)
      throws XMLStreamException {
    if (field.kind == AnswerShape.Kind.MAP) {
      Map<String, JsonNode> map = new HashMap<>();
      entry(reader, field, map);
      map.forEach(((ObjectNode) into)::set);
    } else {
      ((ArrayNode) into).add(orNull(value(reader, field.item)));
    }
  }

  /** One entry of a map: its key and value elements, the first of each name. */
  private static void entry(
      XMLStreamReader reader, AnswerShape.Field field, Map<String, JsonNode> map)
      throws XMLStreamException {
    String key = null;
    JsonNode value = null;
    while (toNextChild(reader)) {
      String name = reader.getLocalName();
      if (key == null && name.equals(field.keyName)) {
        key = text(reader);
      } else if (value == null && name.equals(field.valueName)) {
        value = orNull(value(reader, field.item));
      } else {
        skip(reader);
      }
    }
    if (key == null) {
      throw new XMLStreamException("a map entry without its key element " + field.keyName);
    }
    map.put(key, value == null ? NODES.nullNode() : value);
  }

  private static ObjectNode mapNode(Map<String, JsonNode> map) {
    ObjectNode node = NODES.objectNode();
    map.forEach(node::set);
    return node;
  }

  private static JsonNode orNull(JsonNode value) {
    return value == null ? NODES.nullNode() : value;
  }

  /**
   * The text of the element whose start the reader is at, ending at its end: its last run of
   * characters, as the SDK keeps it ("" when it has none), whatever child elements it holds.
   */
  private static String text(XMLStreamReader reader) throws XMLStreamException {
    String first = null;
    StringBuilder more = null;
    boolean inRun = false;
    while (true) {
      int event = reader.next();
      switch (event) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (!inRun) {
            inRun = true;
            first = reader.getText();
            more = null;
          } else {
            if (more == null) {
              more = new StringBuilder(first);
            }
            more.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          if (first == null) {
            return "";
          }
          return more == null ? first : more.toString();
        }
        case XMLStreamConstants.START_ELEMENT -> {
          inRun = false;
          skip(reader);
        }
        default -> inRun = false;
      }
    }
  }

  /** Passes over the element whose start the reader is at, ending at its end. */
  private static void skip(XMLStreamReader reader) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }
}
