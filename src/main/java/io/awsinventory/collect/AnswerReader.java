package io.awsinventory.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
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

  private AnswerReader() {}

  /**
   * The answer in {@code xml} to {@code operation}, read as {@code shape}.
   *
   * @param wrapped whether the answer's members sit in a result element inside the root (the query
   *     protocol: {@code <DescribeDBInstancesResult>}) rather than in the root itself (EC2)
   */
  static ObjectNode read(InputStream xml, String operation, AnswerShape shape, boolean wrapped) {
    XMLStreamReader reader = XmlEvents.open(xml);
    try {
      String root = operation + "Response";
      if (!XmlEvents.toNextChild(reader)) {
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
      throw XmlEvents.malformed(e);
    } finally {
      XmlEvents.close(reader);
    }
  }

  /** The members of the result element in the root, which must be there. */
  private static ObjectNode wrappedResult(XMLStreamReader reader, String result, AnswerShape shape)
      throws XMLStreamException {
    ObjectNode answer = null;
    while (XmlEvents.toNextChild(reader)) {
      if (reader.getLocalName().equals(result) && answer == null) {
        answer = structure(reader, shape);
      } else if (reader.getLocalName().equals(result)) {
        throw new MalformedAnswerException("<" + result + "> appears twice");
      } else {
        XmlEvents.skipElement(reader);
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
    while (XmlEvents.toNextChild(reader)) {
      AnswerShape.Field field = shape.field(reader.getLocalName());
      if (field == null) {
        XmlEvents.skipElement(reader);
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
        return NODES.textNode(XmlEvents.text(reader));
      case VALUE:
        return converted(field, XmlEvents.text(reader));
      case STRUCTURE:
        return structure(reader, field.structure);
      case LIST:
        ArrayNode list = NODES.arrayNode();
        while (XmlEvents.toNextChild(reader)) {
          list.add(orNull(value(reader, field.item)));
        }
        return list;
      case MAP:
        Map<String, JsonNode> map = new LinkedHashMap<>();
        while (XmlEvents.toNextChild(reader)) {
          if (reader.getLocalName().equals("entry")) {
            entry(reader, field, map);
          } else {
            XmlEvents.skipElement(reader);
          }
        }
        return mapNode(map);
      default:
        XmlEvents.skipElement(reader);
        return null;
    }
  }

  private static JsonNode converted(AnswerShape.Field field, String text) {
    Object value;
    try {
      value = field.converter.convert(text, field.sdkField);
    } catch (RuntimeException e) {
      throw new MalformedAnswerException(
          "member "
              + field.member
              + " holds '"
              + XmlEvents.shown(text)
              + "', not "
              + field.expected());
    }
    if ((value instanceof Double d && !Double.isFinite(d))
        || (value instanceof Float f && !Float.isFinite(f))) {
      throw new MalformedAnswerException(
          "member "
              + field.member
              + " holds '"
              + XmlEvents.shown(text)
              + "', beyond a finite number");
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
    while (XmlEvents.toNextChild(reader)) {
      if (key == null && reader.getLocalName().equals(field.keyName)) {
        key = XmlEvents.text(reader);
      } else if (value == null && reader.getLocalName().equals(field.valueName)) {
        value = orNull(value(reader, field.item));
      } else {
        XmlEvents.skipElement(reader);
      }
    }
    if (key == null) {
      throw new MalformedAnswerException(
          "a map entry of " + field.member + " without its key element " + field.keyName);
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
}
