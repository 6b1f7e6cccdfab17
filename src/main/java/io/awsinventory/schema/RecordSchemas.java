package io.awsinventory.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.collect.Member;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.output.SpillWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * The JSON Schema (draft 2020-12) of one resource type's output file, read off the same SDK field
 * lists the records are written from, so the schema and the records cannot drift apart.
 *
 * <p>A record object lists every member the API model has; members the API did not return are
 * absent, so only the context fields and the id are required. Records allow no other members. In
 * CSV, every cell is a string: the schema describes one row as an object keyed by the header.
 */
public final class RecordSchemas {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode defs = NODES.objectNode();

  /** The schema member that lists the columns that identify a record, unique in the file. */
  public static final String PRIMARY_KEY = "x-primary-key";

  RecordSchemas() {}

  /** The columns that identify a record of {@code type}: AccountId, Region and its key members. */
  public static List<String> primaryKey(ResourceType type) {
    List<String> key =
        new java.util.ArrayList<>(List.of(SpillWriter.ACCOUNT_ID, SpillWriter.REGION));
    key.addAll(type.keyMembers());
    return key;
  }

  /** The schema of the file {@code collect --format FORMAT} writes for this resource type. */
  public static ObjectNode of(ResourceType collector, OutputFormat format) {
    String file = collector.fileStem() + "." + format.extension();
    ObjectNode schema = SchemaFiles.header(collector.fileStem(), file);
    RecordSchemas walker = new RecordSchemas();
    ObjectNode record = walker.record(collector);
    ArrayNode key = schema.putArray(PRIMARY_KEY);
    primaryKey(collector).forEach(key::add);
    String order = String.join(", ", primaryKey(collector));
    switch (format) {
      case JSON -> {
        schema.put(
            "description",
            "A JSON array of "
                + collector.name()
                + " records, ordered by their key: "
                + order
                + ".");
        schema.put("type", "array");
        schema.putObject("items").put("$ref", "#/$defs/record");
      }
      case JSONL -> {
        schema.put(
            "description",
            "One line of the JSON Lines file: one "
                + collector.name()
                + " record. Lines are ordered by their key: "
                + order
                + ".");
        schema.put("$ref", "#/$defs/record");
      }
      case CSV -> {
        schema.put(
            "description",
            "One row of the CSV file as an object keyed by the header row. Every cell is text:"
                + " absent members are empty, lists and objects are compact JSON, Tags is a JSON"
                + " object of tag keys and values, and each Tag:KEY column holds one tag's value."
                + " Rows are ordered by their key: "
                + order
                + ".");
        schema.setAll(CsvRowSchemas.row(walker, collector, record));
      }
      default -> throw new IllegalArgumentException("no schema for " + format);
    }
    walker.defs.set("record", record);
    schema.set("$defs", walker.sortedDefs());
    return schema;
  }

  /** The definitions by name, so the file reads the same from one release to the next. */
  private ObjectNode sortedDefs() {
    Map<String, JsonNode> byName = new TreeMap<>();
    defs.fields().forEachRemaining(e -> byName.put(e.getKey(), e.getValue()));
    ObjectNode sorted = NODES.objectNode();
    byName.forEach(sorted::set);
    return sorted;
  }

  ObjectNode record(ResourceType collector) {
    ObjectNode record = NODES.objectNode().put("type", "object");
    record.put(
        "description",
        collector
            .model()
            .map(
                model ->
                    "A "
                        + model.getClass().getSimpleName()
                        + " as the API returned it, with the AWS member names, preceded by where"
                        + " and when it was collected.")
            .orElse(
                "One "
                    + collector.name()
                    + " record with the AWS member names, preceded by where and when it was"
                    + " collected."));
    ObjectNode properties = record.putObject("properties");
    properties.set(
        SpillWriter.ACCOUNT_ID,
        string("The 12-digit account the record was collected in.").put("pattern", "^[0-9]{12}$"));
    properties.set(
        SpillWriter.ACCOUNT_NAME,
        string("The account's name in the organization, when the run listed it."));
    properties.set(SpillWriter.REGION, string("The region the record was collected in."));
    properties.set(
        SpillWriter.COLLECTED_AT,
        string("When the record was read, ISO-8601 UTC.").put("format", "date-time"));
    properties.set(
        SpillWriter.STALE,
        NODES
            .objectNode()
            .put("type", "boolean")
            .put(
                "description",
                "true when the record was not read by this run but carried from the previous set,"
                    + " because its account, region and resource could not be read now (see the"
                    + " coverage file); false when read now."));
    properties.set(
        SpillWriter.LAST_SEEN_AT,
        string(
                "When a run last read the record, ISO-8601 UTC: CollectedAt for a record read now,"
                    + " kept from the run that read it for a carried one.")
            .put("format", "date-time"));
    for (SdkField<?> field : collector.model().map(SdkPojo::sdkFields).orElse(List.of())) {
      properties.set(field.memberName(), field(field));
    }
    for (Member member : collector.addedMembers()) {
      ObjectNode added = NODES.objectNode().put("type", member.type());
      if (member.format() != null) {
        added.put("format", member.format());
      }
      if (member.type().equals("array")) {
        added.putObject("items").put("type", "object");
      }
      properties.set(member.name(), added.put("description", member.description()));
    }
    ArrayNode required =
        record
            .putArray("required")
            .add(SpillWriter.ACCOUNT_ID)
            .add(SpillWriter.REGION)
            .add(SpillWriter.COLLECTED_AT)
            .add(SpillWriter.STALE)
            .add(SpillWriter.LAST_SEEN_AT);
    required.add(collector.idMember());
    record.put("additionalProperties", false);
    return record;
  }

  private JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asText("");
    return ref.startsWith("#/$defs/") ? defs.path(ref.substring("#/$defs/".length())) : node;
  }

  /** The schema of the member a dotted CSV column ({@code State.Name}) reaches in a record. */
  JsonNode columnMember(ObjectNode record, String column) {
    JsonNode node = record;
    for (String member : column.split("\\.")) {
      node = resolve(node).path("properties").path(member);
    }
    return resolve(node);
  }

  private ObjectNode field(SdkField<?> field) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.STRING) {
      return NODES.objectNode().put("type", "string");
    }
    if (type == MarshallingType.INTEGER
        || type == MarshallingType.LONG
        || type == MarshallingType.SHORT
        || type == MarshallingType.BYTE) {
      return NODES.objectNode().put("type", "integer");
    }
    if (type == MarshallingType.FLOAT
        || type == MarshallingType.DOUBLE
        || type == MarshallingType.BIG_DECIMAL) {
      return NODES.objectNode().put("type", "number");
    }
    if (type == MarshallingType.BOOLEAN) {
      return NODES.objectNode().put("type", "boolean");
    }
    if (type == MarshallingType.INSTANT) {
      return NODES.objectNode().put("type", "string").put("format", "date-time");
    }
    if (type == MarshallingType.SDK_BYTES) {
      return NODES.objectNode().put("type", "string").put("contentEncoding", "base64");
    }
    if (type == MarshallingType.SDK_POJO) {
      return NODES.objectNode().put("$ref", "#/$defs/" + define(field.constructor().get()));
    }
    if (type == MarshallingType.LIST) {
      ObjectNode list = NODES.objectNode().put("type", "array");
      list.set("items", field(field.getRequiredTrait(ListTrait.class).memberFieldInfo()));
      return list;
    }
    if (type == MarshallingType.MAP) {
      ObjectNode map = NODES.objectNode().put("type", "object");
      map.set(
          "additionalProperties", field(field.getRequiredTrait(MapTrait.class).valueFieldInfo()));
      return map;
    }
    // DOCUMENT: any JSON value
    return NODES.objectNode();
  }

  /** Adds the model class of {@code builder} to the definitions once; returns its name. */
  private String define(SdkPojo builder) {
    Class<?> type = builder.getClass();
    String name =
        type.getEnclosingClass() != null
            ? type.getEnclosingClass().getSimpleName()
            : type.getSimpleName();
    if (defs.has(name)) {
      return name;
    }
    ObjectNode definition = defs.putObject(name).put("type", "object");
    ObjectNode properties = definition.putObject("properties");
    for (SdkField<?> field : builder.sdkFields()) {
      properties.set(field.memberName(), field(field));
    }
    definition.put("additionalProperties", false);
    return name;
  }

  private static ObjectNode string(String description) {
    return NODES.objectNode().put("type", "string").put("description", description);
  }
}
