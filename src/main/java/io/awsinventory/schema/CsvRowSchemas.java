package io.awsinventory.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.output.CsvColumns;
import java.util.List;
import java.util.Map;

/**
 * The CSV view of a record schema: one row as an object keyed by the header, every cell text, each
 * described by the type of the member its dotted column reaches; and that type, for reading a cell
 * back into the record it was written from.
 */
public final class CsvRowSchemas {
  private CsvRowSchemas() {}

  /**
   * The JSON type ({@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array}
   * or {@code object}) of each CSV column of {@code type}: what a cell is read back as.
   */
  public static Map<String, String> columnTypes(ResourceType type) {
    RecordSchemas walker = new RecordSchemas();
    ObjectNode record = walker.record(type);
    Map<String, String> types = new java.util.HashMap<>();
    for (String column : CsvColumns.of(type.layout(), List.of()).header()) {
      if (column.equals(CsvColumns.TAGS_COLUMN)) {
        continue;
      }
      types.put(column, walker.columnMember(record, column).path("type").asText("string"));
    }
    return types;
  }

  static ObjectNode row(RecordSchemas walker, ResourceType collector, ObjectNode record) {
    ObjectNode row = JsonNodeFactory.instance.objectNode().put("type", "object");
    ObjectNode properties = row.putObject("properties");
    ArrayNode required = row.putArray("required");
    for (String column : CsvColumns.of(collector.layout(), List.of()).header()) {
      ObjectNode cell = JsonNodeFactory.instance.objectNode().put("type", "string");
      String description = cellDescription(walker, record, column);
      if (description != null) {
        cell.put("description", description);
      }
      properties.set(column, cell);
      required.add(column);
    }
    row.putObject("patternProperties")
        .putObject("^" + CsvColumns.TAG_PREFIX)
        .put("type", "string")
        .put("description", "The value of one tag asked for with --tag-columns; empty if unset.");
    row.put("additionalProperties", false);
    return row;
  }

  /** What a CSV column's cell holds, from the type of the member its dotted path reaches. */
  private static String cellDescription(RecordSchemas walker, ObjectNode record, String column) {
    if (column.equals(CsvColumns.TAGS_COLUMN)) {
      return "The tags as a JSON object of keys and values; empty if the record has none.";
    }
    JsonNode node = walker.columnMember(record, column);
    String type = node.path("type").asText("");
    String format = node.path("format").asText("");
    if (type.equals("array") || type.equals("object")) {
      return "Compact JSON text of the " + type + "; empty if absent.";
    }
    if (format.equals("date-time")) {
      return "An ISO-8601 UTC timestamp; empty if absent.";
    }
    return type.isEmpty() ? null : "The " + type + " as text; empty if absent.";
  }
}
