package io.awsinventory.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.output.CsvStyle;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.output.TableWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What changed between two sets of one resource type, by key: rows added, removed, and changed with
 * the columns that changed, the licence columns first. Both sides stream in key order, so memory
 * holds two records. A carried (stale) row is never a change: a key stale on either side is passed
 * over, so a target that could not be read never shows as removed or changed.
 */
public final class Diff {
  /** The columns of a diff file. */
  public static final List<String> COLUMNS =
      List.of("Change", "AccountId", "Region", "Key", "ChangedColumns", "Before", "After");

  /** Members that say when a row was read, never what it is. */
  static final List<String> NOT_CHANGES = List.of("CollectedAt", "LastSeenAt", "Stale");

  /** The columns a licence review looks at first, in this order. */
  static final List<String> LICENCE_FIRST =
      List.of(
          "InstanceType",
          "Vcpus",
          "CoreCount",
          "ThreadsPerCore",
          "Products",
          "LicenseIncluded",
          "Byol",
          "Tenancy",
          "HostId",
          "State.Name",
          "DBInstanceClass",
          "Engine",
          "LicenseModel",
          "Edition");

  /** One record with its place in the order: account, region and the joined key members. */
  public record Keyed(String account, String region, String key, ObjectNode record) {
    int compareTo(Keyed other) {
      int c = account.compareTo(other.account);
      if (c == 0) {
        c = region.compareTo(other.region);
      }
      return c != 0 ? c : key.compareTo(other.key);
    }

    boolean stale() {
      return record.path("Stale").asBoolean(false);
    }
  }

  /** The records of one side, in key order. */
  public interface Source extends AutoCloseable {
    /** The next record, or null at the end. */
    Keyed next() throws IOException;

    @Override
    void close() throws IOException;
  }

  /** The counts of one type's diff. */
  public record Counts(long added, long removed, long changed) {}

  private Diff() {}

  /** Diffs {@code from} against {@code to} into {@code file}, written in {@code format}. */
  public static Counts write(Source from, Source to, Path file, OutputFormat format, CsvStyle csv)
      throws IOException {
    long added = 0;
    long removed = 0;
    long changed = 0;
    try (TableWriter out = TableWriter.open(file, format, COLUMNS, csv)) {
      Ordered before = new Ordered(from, "the first set");
      Ordered after = new Ordered(to, "the second set");
      Keyed a = before.next();
      Keyed b = after.next();
      while (a != null || b != null) {
        int c = a == null ? 1 : b == null ? -1 : a.compareTo(b);
        if (c < 0) {
          if (!a.stale()) {
            out.write(row("removed", a, List.of(), a.record(), null));
            removed++;
          }
          a = before.next();
        } else if (c > 0) {
          if (!b.stale()) {
            out.write(row("added", b, List.of(), null, b.record()));
            added++;
          }
          b = after.next();
        } else {
          if (!a.stale() && !b.stale() && !sameRow(a.record(), b.record())) {
            Map<String, JsonNode> old = flatten(a.record());
            Map<String, JsonNode> now = flatten(b.record());
            List<String> columns = changedColumns(old, now);
            if (!columns.isEmpty()) {
              ObjectNode was = JsonNodeFactory.instance.objectNode();
              ObjectNode is = JsonNodeFactory.instance.objectNode();
              for (String column : columns) {
                was.set(column, old.get(column));
                is.set(column, now.get(column));
              }
              out.write(row("changed", b, columns, was, is));
              changed++;
            }
          }
          a = before.next();
          b = after.next();
        }
      }
    }
    return new Counts(added, removed, changed);
  }

  private static ObjectNode row(
      String change, Keyed keyed, List<String> columns, ObjectNode before, ObjectNode after) {
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    row.put("Change", change);
    row.put("AccountId", keyed.account());
    row.put("Region", keyed.region());
    row.put("Key", keyed.key().replace('\u001f', '|'));
    row.put("ChangedColumns", String.join(";", columns));
    if (before != null) {
      row.put("Before", before.toString());
    }
    if (after != null) {
      row.put("After", after.toString());
    }
    return row;
  }

  /** Whether two records hold the same values, the times they were read left aside. */
  static boolean sameRow(ObjectNode a, ObjectNode b) {
    int compared = 0;
    Iterator<Map.Entry<String, JsonNode>> fields = a.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (NOT_CHANGES.contains(field.getKey())) {
        continue;
      }
      if (!field.getValue().equals(b.get(field.getKey()))) {
        return false;
      }
      compared++;
    }
    int others = 0;
    for (String name : NOT_CHANGES) {
      if (b.has(name)) {
        others++;
      }
    }
    return b.size() - others == compared;
  }

  /** The columns whose values differ, the licence columns first, then by name. */
  static List<String> changedColumns(Map<String, JsonNode> old, Map<String, JsonNode> now) {
    TreeMap<String, Boolean> names = new TreeMap<>();
    old.keySet().forEach(k -> names.put(k, true));
    now.keySet().forEach(k -> names.put(k, true));
    List<String> first = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    for (String name : names.keySet()) {
      JsonNode a = old.get(name);
      JsonNode b = now.get(name);
      if (a == null ? b == null : a.equals(b)) {
        continue;
      }
      (LICENCE_FIRST.contains(name) ? first : rest).add(name);
    }
    first.sort((x, y) -> LICENCE_FIRST.indexOf(x) - LICENCE_FIRST.indexOf(y));
    first.addAll(rest);
    return first;
  }

  /** The record's values by dotted column, nested objects opened, lists kept whole. */
  static Map<String, JsonNode> flatten(ObjectNode record) {
    Map<String, JsonNode> flat = new TreeMap<>();
    flatten("", record, flat);
    return flat;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> flat) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = prefix + field.getKey();
      if (prefix.isEmpty() && NOT_CHANGES.contains(name)) {
        continue;
      }
      if (field.getValue().isObject()) {
        flatten(name + ".", field.getValue(), flat);
      } else {
        flat.put(name, field.getValue());
      }
    }
  }

  /** A source checked to be in key order: a merge of unordered sides would report false changes. */
  private static final class Ordered {
    private final Source source;
    private final String name;
    private Keyed last;

    Ordered(Source source, String name) {
      this.source = source;
      this.name = name;
    }

    Keyed next() throws IOException {
      Keyed next = source.next();
      if (next != null && last != null && next.compareTo(last) < 0) {
        throw new IOException(
            name
                + " is not in key order at "
                + next.account()
                + " "
                + next.region()
                + " "
                + next.key());
      }
      if (next != null) {
        last = next;
      }
      return next;
    }
  }
}
