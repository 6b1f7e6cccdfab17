package io.awsinventory.collect;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A fact of a type's records that the history database keeps in a typed column of its own beside
 * the whole record (the licence facts, the state): the column's name, the record member it is read
 * from (dotted for a nested member) and the JSON type it holds.
 */
public record FactColumn(String name, String member, Kind kind) {
  /** The JSON type a column holds. */
  public enum Kind {
    TEXT,
    INTEGER,
    BOOLEAN,
    JSON
  }

  public static FactColumn text(String name, String member) {
    return new FactColumn(name, member, Kind.TEXT);
  }

  public static FactColumn integer(String name, String member) {
    return new FactColumn(name, member, Kind.INTEGER);
  }

  public static FactColumn bool(String name, String member) {
    return new FactColumn(name, member, Kind.BOOLEAN);
  }

  public static FactColumn json(String name, String member) {
    return new FactColumn(name, member, Kind.JSON);
  }

  /** The member's value in {@code record}, or null where the record has none. */
  public JsonNode value(JsonNode record) {
    JsonNode node = record;
    for (String part : member.split("\\.")) {
      node = node.path(part);
    }
    return node.isMissingNode() || node.isNull() ? null : node;
  }
}
