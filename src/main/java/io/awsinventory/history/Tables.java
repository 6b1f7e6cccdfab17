package io.awsinventory.history;

import io.awsinventory.collect.FactColumn;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.collect.ResourceTypes;
import io.awsinventory.history.DatabaseUrl.Dialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One table per resource type, made from the type's definition: the run, account, region, the key
 * members, the stale flag and times, the type's fact columns, and the whole record as JSON; and its
 * {@code latest_<stem>} view. A table the database lacks is created, a fact column it lacks is
 * added, so a new type or column needs no migration script.
 */
final class Tables {
  /** One type's table, named by its file stem, and its typed columns (the key ones first). */
  record Table(ResourceType type, List<FactColumn> keys, List<FactColumn> facts) {
    String name() {
      return type.fileStem();
    }

    List<FactColumn> columns() {
      List<FactColumn> all = new ArrayList<>(keys);
      all.addAll(facts);
      return all;
    }
  }

  private static final List<Table> ALL =
      ResourceTypes.all().stream().map(Tables::of).collect(Collectors.toUnmodifiableList());

  private Tables() {}

  private static Table of(ResourceType type) {
    List<FactColumn> keys =
        type.keyMembers().stream().map(m -> FactColumn.text(snakeCase(m), m)).toList();
    return new Table(type, keys, type.factColumns());
  }

  static List<Table> all() {
    return ALL;
  }

  /** {@code DBInstanceIdentifier} → {@code db_instance_identifier}. */
  static String snakeCase(String member) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < member.length(); i++) {
      char c = member.charAt(i);
      boolean wordStarts =
          i > 0
              && Character.isUpperCase(c)
              && (Character.isLowerCase(member.charAt(i - 1))
                  || i + 1 < member.length() && Character.isLowerCase(member.charAt(i + 1)));
      if (wordStarts) {
        out.append('_');
      }
      out.append(Character.toLowerCase(c));
    }
    return out.toString();
  }

  /**
   * Creates the tables and views the database lacks and adds the fact columns its tables lack, in
   * the caller's transaction. A view is made again only where its table changed.
   */
  static void ensure(Connection connection, Dialect dialect) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (Table table : ALL) {
        Set<String> present = columnsOf(connection, table.name());
        if (present.isEmpty()) {
          statement.execute(create(table, dialect));
          statement.execute(view(table));
          continue;
        }
        boolean changed = false;
        for (FactColumn fact : table.facts()) {
          if (!present.contains(fact.name())) {
            statement.execute(
                "ALTER TABLE "
                    + table.name()
                    + " ADD COLUMN "
                    + fact.name()
                    + " "
                    + type(fact.kind(), dialect));
            changed = true;
          }
        }
        if (changed) {
          statement.execute("DROP VIEW IF EXISTS latest_" + table.name());
          statement.execute(view(table));
        }
      }
    }
  }

  /** The table's columns as the database has them; empty when it has no such table. */
  static Set<String> columnsOf(Connection connection, String table) throws SQLException {
    Set<String> names = new LinkedHashSet<>();
    try (ResultSet columns =
        connection.getMetaData().getColumns(null, connection.getSchema(), table, null)) {
      while (columns.next()) {
        names.add(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  static String create(Table table, Dialect dialect) {
    String time = dialect == Dialect.POSTGRESQL ? "TIMESTAMPTZ" : "TEXT";
    List<String> lines = new ArrayList<>();
    lines.add("run_id TEXT NOT NULL REFERENCES runs (run_id) ON DELETE CASCADE");
    lines.add("account_id TEXT NOT NULL");
    lines.add("account_name TEXT");
    lines.add("region TEXT NOT NULL");
    table.keys().forEach(k -> lines.add(k.name() + " TEXT NOT NULL"));
    lines.add("stale BOOLEAN NOT NULL");
    lines.add("collected_at " + time);
    lines.add("last_seen_at " + time);
    table.facts().forEach(f -> lines.add(f.name() + " " + type(f.kind(), dialect)));
    lines.add("record " + type(FactColumn.Kind.JSON, dialect) + " NOT NULL");
    List<String> key = new ArrayList<>(List.of("run_id", "account_id", "region"));
    table.keys().forEach(k -> key.add(k.name()));
    lines.add("PRIMARY KEY (" + String.join(", ", key) + ")");
    return "CREATE TABLE " + table.name() + " (\n  " + String.join(",\n  ", lines) + "\n)";
  }

  private static String type(FactColumn.Kind kind, Dialect dialect) {
    boolean postgresql = dialect == Dialect.POSTGRESQL;
    return switch (kind) {
      case TEXT -> "TEXT";
      case INTEGER -> postgresql ? "BIGINT" : "INTEGER";
      case BOOLEAN -> "BOOLEAN";
      case JSON -> postgresql ? "JSONB" : "TEXT";
    };
  }

  /**
   * The newest snapshot of each account x region of each scope: the last run that read it whole;
   * its rows are stale when a later run of the scope could not read it.
   */
  static String view(Table table) {
    List<String> columns = new ArrayList<>(List.of("account_id", "account_name", "region"));
    table.keys().forEach(k -> columns.add(k.name()));
    columns.add("(t.stale OR g.ended_at < n.ended_at) AS stale");
    columns.addAll(List.of("collected_at", "last_seen_at"));
    table.facts().forEach(f -> columns.add(f.name()));
    columns.add("record");
    String select =
        columns.stream()
            .map(c -> c.startsWith("(") ? c : "t." + c)
            .collect(Collectors.joining(",\n  "));
    return "CREATE VIEW latest_"
        + table.name()
        + " AS\nWITH newest AS (\n"
        + "  SELECT scope, MAX(ended_at) AS ended_at FROM runs GROUP BY scope\n"
        + "), good AS (\n"
        + "  SELECT r.scope, c.account_id, c.region, r.run_id, r.ended_at,\n"
        + "    ROW_NUMBER() OVER (PARTITION BY r.scope, c.account_id, c.region"
        + " ORDER BY r.ended_at DESC) AS rank\n"
        + "  FROM coverage c JOIN runs r ON r.run_id = c.run_id\n"
        + "  WHERE c.resource = '"
        + table.type().name()
        + "' AND c.status = 'ok'\n"
        + ")\n"
        + "SELECT g.scope, g.run_id, g.ended_at AS snapshot_at,\n  "
        + select
        + "\nFROM good g\n"
        + "JOIN newest n ON n.scope = g.scope\n"
        + "JOIN "
        + table.name()
        + " t ON t.run_id = g.run_id AND t.account_id = g.account_id AND t.region = g.region\n"
        + "WHERE g.rank = 1";
  }
}
