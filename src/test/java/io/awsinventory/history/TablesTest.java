package io.awsinventory.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.collect.ResourceTypes;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tables the migration makes are the ones the code writes, for every resource type. */
class TablesTest {
  @TempDir Path dir;

  @Test
  void everyResourceType_hasItsTable_withTheColumnsTheCodeWrites() throws Exception {
    assertThat(Tables.all())
        .extracting(Tables.Table::name)
        .containsExactlyInAnyOrderElementsOf(
            ResourceTypes.all().stream().map(t -> t.fileStem()).toList());
    DatabaseUrl url = DatabaseUrl.parse("sqlite:" + dir.resolve("h.db"));
    try (HistoryDatabase db = HistoryDatabase.open(url, "nobody", null)) {
      for (Tables.Table table : Tables.all()) {
        List<String> expected =
            new ArrayList<>(List.of("run_id", "account_id", "account_name", "region"));
        table.keys().forEach(c -> expected.add(c.name()));
        expected.addAll(List.of("stale", "collected_at", "last_seen_at"));
        table.facts().forEach(c -> expected.add(c.name()));
        expected.add("record");
        List<String> actual = new ArrayList<>();
        try (ResultSet columns =
            db.connection().getMetaData().getColumns(null, null, table.name(), null)) {
          while (columns.next()) {
            actual.add(columns.getString("COLUMN_NAME"));
          }
        }
        assertThat(actual).as(table.name()).isEqualTo(expected);
        try (ResultSet view =
            db.connection().getMetaData().getTables(null, null, "latest_" + table.name(), null)) {
          assertThat(view.next()).as("latest_" + table.name()).isTrue();
        }
      }
    }
    // opened again, the schema is not applied twice
    try (HistoryDatabase db = HistoryDatabase.open(url, "nobody", null);
        ResultSet rows =
            db.connection().createStatement().executeQuery("SELECT COUNT(*) FROM schema_history")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(HistoryDatabase.MIGRATIONS.size());
    }
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
