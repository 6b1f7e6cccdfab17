package io.awsinventory.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Turns an SDK model object into JSON with the AWS member names, as the AWS CLI prints it: members
 * the API did not return are left out, timestamps are ISO-8601 UTC. It walks the SDK's own static
 * field list of each model class, so no reflection runs per record.
 */
public final class SdkRecords {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SdkRecords() {}

  public static ObjectNode toJson(SdkPojo pojo) {
    return toJson(pojo, null, null);
  }

  /**
   * The record of {@code pojo}, with {@code insert} adding members right after {@code member} when
   * the API returned it, so derived members stand next to what they are derived from.
   */
  public static ObjectNode toJson(SdkPojo pojo, String member, Consumer<ObjectNode> insert) {
    ObjectNode node = NODES.objectNode();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      if (isPresent(value)) {
        node.set(field.memberName(), valueToJson(value));
        if (field.memberName().equals(member)) {
          insert.accept(node);
        }
      }
    }
    return node;
  }

  /** An empty object node whose table holds {@code members} without growing. */
  static ObjectNode objectNode(int members) {
    return new ObjectNode(NODES, new LinkedHashMap<>(members * 4 / 3 + 1));
  }

  /**
   * {@code record} with {@code insert} adding members right after {@code member}, when the record
   * holds it: a record read from an answer gets the members derived from it where {@link
   * #toJson(SdkPojo, String, Consumer)} puts them.
   */
  public static ObjectNode insertAfter(
      ObjectNode record, String member, Consumer<ObjectNode> insert) {
    if (!record.has(member)) {
      return record;
    }
    // room for what the insert adds, so the copy never grows its table
    ObjectNode node = objectNode(record.size() + 8);
    record
        .fields()
        .forEachRemaining(
            entry -> {
              node.set(entry.getKey(), entry.getValue());
              if (entry.getKey().equals(member)) {
                insert.accept(node);
              }
            });
    return node;
  }

  /**
   * Adds a member the collector takes from outside the model object (the enclosing reservation, the
   * page, the usage row) when the API returned it and the record does not hold it already.
   */
  public static void putIfPresent(ObjectNode record, String member, String value) {
    if (value != null && !record.has(member)) {
      record.put(member, value);
    }
  }

  private static boolean isPresent(Object value) {
    return value != null
        && !(value instanceof SdkAutoConstructList)
        && !(value instanceof SdkAutoConstructMap);
  }

  /** A value of a model object's member as JSON. */
  static JsonNode valueToJson(Object value) {
    if (value instanceof SdkPojo pojo) {
      return toJson(pojo);
    }
    if (value instanceof String text) {
      return NODES.textNode(text);
    }
    if (value instanceof Boolean flag) {
      return NODES.booleanNode(flag);
    }
    if (value instanceof Integer number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Long number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Double number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Float number) {
      return NODES.numberNode(number);
    }
    if (value instanceof BigDecimal number) {
      return NODES.numberNode(number);
    }
    if (value instanceof Instant instant) {
      return NODES.textNode(IsoInstants.format(instant));
    }
    if (value instanceof SdkBytes bytes) {
      return NODES.binaryNode(bytes.asByteArray());
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode(list.size());
      for (Object item : list) {
        array.add(item == null ? NODES.nullNode() : valueToJson(item));
      }
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach(
          (k, v) -> object.set(String.valueOf(k), v == null ? NODES.nullNode() : valueToJson(v)));
      return object;
    }
    return NODES.textNode(value.toString());
  }
}
