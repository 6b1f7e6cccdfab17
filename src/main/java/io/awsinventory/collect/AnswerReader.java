package io.awsinventory.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Reads an answer of the EC2 and query protocols (EC2, RDS) from its XML straight into the JSON
 * tree {@link SdkRecords} would make of the SDK's model object: one pass over the answer's bytes
 * ({@link XmlScanner}), with no characters, element tree or model objects in between. It reads as
 * the SDK's own unmarshaller does: the first element of a member's name counts, a list holds its
 * element's children whatever their names, a leaf's text is its last run of characters, and values
 * convert with the SDK's converters.
 */
final class AnswerReader {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final byte[] ENTRY = "entry".getBytes(StandardCharsets.UTF_8);

  private AnswerReader() {}

  /**
   * The answer in {@code xml}, read as {@code shape}.
   *
   * @param wrapped whether the answer's members sit in a result element inside the root (the query
   *     protocol: {@code <DescribeDBInstancesResult>}) rather than in the root itself (EC2)
   */
  static ObjectNode read(InputStream xml, AnswerShape shape, boolean wrapped) throws IOException {
    XmlScanner reader = new XmlScanner(xml.readAllBytes());
    try {
      if (!reader.toRoot()) {
        throw new MalformedXmlException("an answer without a root element");
      }
      if (wrapped && !reader.toNextChild()) {
        return NODES.objectNode();
      }
      return structure(reader, shape);
    } catch (MalformedXmlException e) {
      throw SdkClientException.create("Could not parse XML response.", e);
    }
  }

  /** The structure whose start the reader is at; the reader ends at its end. */
  private static ObjectNode structure(XmlScanner reader, AnswerShape shape) {
    JsonNode[] values = new JsonNode[shape.fields.length];
    while (true) {
      int event = reader.next();
      if (event == XmlScanner.START) {
        AnswerShape.Field field =
            shape.field(reader.bytes(), reader.nameFrom(), reader.nameLength());
        if (field == null) {
          reader.skipElement();
        } else if (field.flattened) {
          if (values[field.index] == null) {
            values[field.index] =
                field.kind == AnswerShape.Kind.MAP ? NODES.objectNode() : NODES.arrayNode();
          }
          flattenedItem(reader, field, values[field.index]);
        } else if (values[field.index] != null) {
          reader.skipElement();
        } else {
          values[field.index] = value(reader, field);
        }
      } else if (event == XmlScanner.END) {
        break;
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
  private static JsonNode value(XmlScanner reader, AnswerShape.Field field) {
    switch (field.kind) {
      case TEXT:
        return NODES.textNode(reader.elementText());
      case VALUE:
        return SdkRecords.valueToJson(
            field.converter.convert(reader.elementText(), field.sdkField));
      case STRUCTURE:
        return structure(reader, field.structure);
      case LIST:
        ArrayNode list = NODES.arrayNode();
        while (reader.toNextChild()) {
          list.add(orNull(value(reader, field.item)));
        }
        return list;
      case MAP:
        Map<String, JsonNode> map = new HashMap<>();
        while (reader.toNextChild()) {
          if (reader.nameIs(ENTRY)) {
            entry(reader, field, map);
          } else {
            reader.skipElement();
          }
        }
        return mapNode(map);
      default:
        reader.skipElement();
        return null;
    }
  }

  private static void flattenedItem(XmlScanner reader, AnswerShape.Field field, JsonNode into) {
    if (field.kind == AnswerShape.Kind.MAP) {
      Map<String, JsonNode> map = new HashMap<>();
      entry(reader, field, map);
      map.forEach(((ObjectNode) into)::set);
    } else {
      ((ArrayNode) into).add(orNull(value(reader, field.item)));
    }
  }

  /** One entry of a map: its key and value elements, the first of each name. */
  private static void entry(XmlScanner reader, AnswerShape.Field field, Map<String, JsonNode> map) {
    String key = null;
    JsonNode value = null;
    while (reader.toNextChild()) {
      if (key == null && reader.nameIs(field.keyElement)) {
        key = reader.elementText();
      } else if (value == null && reader.nameIs(field.valueElement)) {
        value = orNull(value(reader, field.item));
      } else {
        reader.skipElement();
      }
    }
    if (key == null) {
      throw new MalformedXmlException("a map entry without its key element " + field.keyName);
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
