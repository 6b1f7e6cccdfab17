package io.awsinventory.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.collect.ResourceTypes;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tables made from the type definitions are the ones the code writes, and the released ones.
 */
class TablesTest {
  @TempDir Path dir;

  @Test
  void everyResourceType_hasItsTable_withTheColumnsTheCodeWrites() throws Exception {
    assertThat(Tables.all())
        .extracting(Tables.Table::name)
        .containsExactlyElementsOf(ResourceTypes.all().stream().map(t -> t.fileStem()).toList());
    DatabaseUrl url = DatabaseUrl.parse("sqlite:" + dir.resolve("h.db"));
    try (HistoryDatabase db = HistoryDatabase.open(url, "nobody", null)) {
      for (Tables.Table table : Tables.all()) {
        List<String> expected =
            new ArrayList<>(List.of("run_id", "account_id", "account_name", "region"));
        table.keys().forEach(c -> expected.add(c.name()));
        expected.addAll(List.of("stale", "collected_at", "last_seen_at"));
        table.facts().forEach(c -> expected.add(c.name()));
        expected.add("record");
        assertThat(List.copyOf(Tables.columnsOf(db.connection(), table.name())))
            .as(table.name())
            .isEqualTo(expected);
        assertThat(Tables.columnsOf(db.connection(), "latest_" + table.name()))
            .as("latest_" + table.name())
            .contains("scope", "snapshot_at", "record");
      }
    }
    // opened again, nothing is applied twice
    try (HistoryDatabase db = HistoryDatabase.open(url, "nobody", null);
        ResultSet rows =
            db.connection().createStatement().executeQuery("SELECT COUNT(*) FROM schema_history")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(HistoryDatabase.MIGRATIONS.size());
    }
  }

  @Test
  void aDatabaseMadeByTheReleasedScript_isTheSameAsOneMadeFromTheDefinitions() throws Exception {
    DatabaseUrl fresh = DatabaseUrl.parse("sqlite:" + dir.resolve("fresh.db"));
    HistoryDatabase.open(fresh, "nobody", null).close();
    // the released version 1 made every type's table and view from SQL written by hand
    DatabaseUrl released = DatabaseUrl.parse("sqlite:" + dir.resolve("released.db"));
    try (Connection connection = DriverManager.getConnection(released.jdbc());
        Statement statement = connection.createStatement()) {
      String script =
          new String(
              TablesTest.class
                  .getResourceAsStream("/history/released-v1-sqlite.sql")
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      for (String sql : HistoryDatabase.statements(script)) {
        statement.execute(sql);
      }
      statement.execute(
          "CREATE TABLE schema_history (version INTEGER PRIMARY KEY, script TEXT NOT NULL,"
              + " applied_at TEXT NOT NULL)");
      statement.execute(
          "INSERT INTO schema_history VALUES (1, 'V1__snapshots.sql', '2026-12-01T00:00:00Z')");
    }
    assertThat(schema(released)).isEqualTo(schema(fresh)).isNotEmpty();
    // opening it changes nothing
    HistoryDatabase.open(released, "nobody", null).close();
    assertThat(schema(released)).isEqualTo(schema(fresh));
  }

  @Test
  void aFactColumnATableLacks_isAdded_andItsViewMadeAgain() throws Exception {
    DatabaseUrl url = DatabaseUrl.parse("sqlite:" + dir.resolve("h.db"));
    HistoryDatabase.open(url, "nobody", null).close();
    try (Connection connection = DriverManager.getConnection(url.jdbc());
        Statement statement = connection.createStatement()) {
      statement.execute("DROP VIEW latest_ec2_hosts");
      statement.execute("ALTER TABLE ec2_hosts DROP COLUMN cores");
      statement.execute(
          "CREATE VIEW latest_ec2_hosts AS SELECT NULL AS scope, NULL AS snapshot_at, host_id"
              + " FROM ec2_hosts");
    }
    try (HistoryDatabase db = HistoryDatabase.open(url, "nobody", null)) {
      assertThat(Tables.columnsOf(db.connection(), "ec2_hosts")).endsWith("cores");
      assertThat(Tables.columnsOf(db.connection(), "latest_ec2_hosts")).contains("cores", "record");
    }
  }

  @Test
  void memberNames_becomeSnakeCaseColumns() {
    assertThat(Tables.snakeCase("DBInstanceIdentifier")).isEqualTo("db_instance_identifier");
    assertThat(Tables.snakeCase("ReservedDBInstanceId")).isEqualTo("reserved_db_instance_id");
    assertThat(Tables.snakeCase("MultiAZ")).isEqualTo("multi_az");
    assertThat(Tables.snakeCase("InstanceId")).isEqualTo("instance_id");
  }

  /** Every table's and view's columns (name, type, not null, key position), by name. */
  private static Map<String, List<String>> schema(DatabaseUrl url) throws Exception {
    Map<String, List<String>> schema = new TreeMap<>();
    try (Connection connection = DriverManager.getConnection(url.jdbc());
        Statement statement = connection.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rows =
          statement.executeQuery(
              "SELECT name FROM sqlite_master WHERE type IN ('table', 'view')"
                  + " AND name <> 'schema_history'")) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      for (String name : names) {
        List<String> columns = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery("PRAGMA table_info(" + name + ")")) {
          while (rows.next()) {
            columns.add(
                rows.getString("name")
                    + " "
                    + rows.getString("type")
                    + " "
                    + rows.getInt("notnull")
                    + " "
                    + rows.getInt("pk"));
          }
        }
        schema.put(name, columns);
      }
    }
    return schema;
  }

  @Test
  void aDatabaseUrl_isSqliteOrPostgresql_withoutCredentials() {
    assertThat(DatabaseUrl.parse("postgresql://db.example:5433/inventory?sslmode=require").jdbc())
        .isEqualTo("jdbc:postgresql://db.example:5433/inventory?sslmode=require");
    assertThat(DatabaseUrl.parse("sqlite:/var/lib/h.db").jdbc())
        .isEqualTo("jdbc:sqlite:/var/lib/h.db");
    for (String bad :
        List.of(
            "sqlite:",
            "postgresql://u:p@db/x",
            "postgresql://db/",
            "postgresql://db/x?user=u",
            "h.db")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> DatabaseUrl.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining(":p@");
    }
  }
}
