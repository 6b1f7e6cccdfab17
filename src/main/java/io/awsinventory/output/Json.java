package io.awsinventory.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.util.Map;

/** The one configured Jackson mapper of the tool, and the writing of record trees. */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Json() {}

  /**
   * Writes {@code node} as {@link #MAPPER} would, straight through the generator: the mapper makes
   * a serializer context for every value it writes and flushes the generator after it, the larger
   * part of the cost for the small values a record is made of. Values other than objects, arrays,
   * text, numbers, booleans and nulls (binary data) still go through the mapper.
   */
  public static void writeTree(JsonGenerator json, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        json.writeStartObject(node, node.size());
        for (Map.Entry<String, JsonNode> member : node.properties()) {
          json.writeFieldName(member.getKey());
          writeTree(json, member.getValue());
        }
        json.writeEndObject();
      }
      case ARRAY -> {
        json.writeStartArray(node, node.size());
        for (JsonNode item : node) {
          writeTree(json, item);
        }
        json.writeEndArray();
      }
      case STRING -> json.writeString(node.textValue());
      case BOOLEAN -> json.writeBoolean(node.booleanValue());
      case NULL -> json.writeNull();
      case NUMBER -> writeNumber(json, node);
      default -> MAPPER.writeTree(json, node);
    }
  }

  private static void writeNumber(JsonGenerator json, JsonNode number) throws IOException {
    switch (number.numberType()) {
      case INT -> json.writeNumber(number.intValue());
      case LONG -> json.writeNumber(number.longValue());
      case BIG_INTEGER -> json.writeNumber(number.bigIntegerValue());
      case FLOAT -> json.writeNumber(number.floatValue());
      case DOUBLE -> json.writeNumber(number.doubleValue());
      default -> json.writeNumber(number.decimalValue());
    }
  }
}
