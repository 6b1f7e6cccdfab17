package io.awsinventory.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The CSV column list of one resource type: the context columns, the type's declared columns, the
 * carry columns ({@code Stale}, {@code LastSeenAt}), then one {@code Tag:KEY} column per requested
 * tag key. Knows how to read each cell from a record.
 */
public final class CsvColumns {
  public static final List<String> CONTEXT =
      List.of(
          SpillWriter.ACCOUNT_ID,
          SpillWriter.ACCOUNT_NAME,
          SpillWriter.REGION,
          SpillWriter.COLLECTED_AT);
  public static final String TAG_PREFIX = "Tag:";

  /** After the type's columns: columns added later go after the existing ones. */
  public static final List<String> CARRY = List.of(SpillWriter.STALE, SpillWriter.LAST_SEEN_AT);

  /** The column of every resource type that holds its tags, as one JSON object. */
  public static final String TAGS_COLUMN = "Tags";

  private final List<String> header;
  private final List<String[]> paths;
  private final String tagsMember;
  private final List<String> tagKeys;
  private final Set<String> keysSeen = new HashSet<>();

  private CsvColumns(
      List<String> columns, List<String> later, String tagsMember, List<String> tagKeys) {
    this.header = new ArrayList<>(CONTEXT);
    this.header.addAll(columns);
    this.header.addAll(CARRY);
    this.header.addAll(later);
    this.paths = new ArrayList<>();
    for (String column : header) {
      paths.add(column.split("\\."));
    }
    this.tagsMember = tagsMember;
    this.tagKeys = List.copyOf(tagKeys);
    for (String key : tagKeys) {
      header.add(TAG_PREFIX + key);
    }
  }

  public static CsvColumns of(FileLayout layout, List<String> tagKeys) {
    return new CsvColumns(layout.columns(), layout.laterColumns(), layout.tagsMember(), tagKeys);
  }

  /** Every tag key the records written so far carry. */
  public Set<String> keysSeen() {
    return keysSeen;
  }

  public List<String> header() {
    return header;
  }

  /** The cells of one record, in header order; absent values are empty strings. */
  public String[] cells(ObjectNode record) throws JsonProcessingException {
    String[] cells = new String[header.size()];
    Map<String, String> tags = tags(record.get(tagsMember));
    if (tags != null) {
      keysSeen.addAll(tags.keySet());
    }
    for (int i = 0; i < paths.size(); i++) {
      String[] path = paths.get(i);
      if (path.length == 1 && path[0].equals(TAGS_COLUMN)) {
        cells[i] = tags == null ? "" : Json.MAPPER.writeValueAsString(tags);
      } else {
        cells[i] = cell(navigate(record, path));
      }
    }
    for (int i = 0; i < tagKeys.size(); i++) {
      String value = tags == null ? null : tags.get(tagKeys.get(i));
      cells[paths.size() + i] = value == null ? "" : value;
    }
    return cells;
  }

  private static JsonNode navigate(JsonNode node, String[] path) {
    JsonNode current = node;
    for (String member : path) {
      if (current == null) {
        return null;
      }
      current = current.get(member);
    }
    return current;
  }

  private static String cell(JsonNode value) throws JsonProcessingException {
    if (value == null || value.isNull()) {
      return "";
    }
    if (value.isContainerNode()) {
      return Json.MAPPER.writeValueAsString(value);
    }
    return value.asText();
  }

  /** Tags as a map sorted by key, or null when the record has none. */
  private static Map<String, String> tags(JsonNode list) {
    if (list == null || !list.isArray()) {
      return null;
    }
    Map<String, String> tags = new TreeMap<>();
    for (JsonNode tag : list) {
      JsonNode key = tag.get("Key");
      if (key != null) {
        JsonNode value = tag.get("Value");
        tags.put(key.asText(), value == null || value.isNull() ? "" : value.asText());
      }
    }
    return tags;
  }
}
