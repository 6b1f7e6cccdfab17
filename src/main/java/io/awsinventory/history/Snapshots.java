package io.awsinventory.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.collect.FactColumn;
import io.awsinventory.history.DatabaseUrl.Dialect;
import io.awsinventory.output.Coverage;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.output.PreviousSet;
import io.awsinventory.output.RecordReader;
import io.awsinventory.schema.CsvRowSchemas;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Appends a committed set to the history as one snapshot: its run, its coverage rows and every
 * record of the types the history keeps, in batches, in one transaction. A run that dies half-way
 * leaves nothing behind; the set's files are not touched.
 */
public final class Snapshots {
  private static final int BATCH = 1000;

  /** The run is in the database already: appending it twice would count it twice. */
  public static final class AlreadyThereException extends Exception {
    AlreadyThereException(String runId) {
      super("run " + runId + " is in the database already");
    }
  }

  /** What one append wrote: the run, its scope, the rows per table, the runs pruned. */
  public record Appended(String runId, String scope, Map<String, Long> rows, List<String> pruned) {}

  private Snapshots() {}

  /**
   * Appends {@code set}; then, when {@code keepRuns} is above 0, deletes the runs of its scope
   * older than the newest {@code keepRuns}, in the same transaction.
   */
  public static Appended append(HistoryDatabase database, PreviousSet set, int keepRuns)
      throws SQLException, IOException, AlreadyThereException {
    JsonNode summary = set.summary();
    String runId = summary.path("runId").asText("");
    if (runId.isEmpty()) {
      throw new IOException("its run_summary.json names no runId: a set of an older version");
    }
    String scope = Scopes.of(summary);
    Connection connection = database.connection();
    connection.setAutoCommit(false);
    try {
      if (exists(connection, runId)) {
        throw new AlreadyThereException(runId);
      }
      run(database, summary, runId, scope);
      Map<String, Long> rows = new LinkedHashMap<>();
      rows.put("coverage", coverage(database, set, runId));
      for (Tables.Table table : Tables.all()) {
        long written = records(database, set, table, runId);
        if (written > 0) {
          rows.put(table.name(), written);
        }
      }
      List<String> pruned = keepRuns > 0 ? Runs.prune(database, scope, keepRuns) : List.of();
      connection.commit();
      return new Appended(runId, scope, rows, pruned);
    } catch (SQLException | IOException | AlreadyThereException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static boolean exists(Connection connection, String runId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT 1 FROM runs WHERE run_id = ?")) {
      query.setString(1, runId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }

  private static void run(HistoryDatabase database, JsonNode summary, String runId, String scope)
      throws SQLException {
    String t = database.time();
    try (PreparedStatement insert =
        database
            .connection()
            .prepareStatement(
                "INSERT INTO runs (run_id, scope, started_at, ended_at, tool_version, exit_code,"
                    + " options, appended_at) VALUES (?, ?, "
                    + t
                    + ", "
                    + t
                    + ", ?, ?, "
                    + database.json()
                    + ", "
                    + t
                    + ")")) {
      insert.setString(1, runId);
      insert.setString(2, scope);
      insert.setString(3, time(summary.path("startedAt").asText(null)));
      insert.setString(4, time(summary.path("endedAt").asText(null)));
      insert.setString(5, summary.path("version").asText(""));
      insert.setInt(6, summary.path("exitCode").asInt());
      insert.setString(7, summary.path("options").toString());
      insert.setString(8, time(Instant.now().toString()));
      insert.executeUpdate();
    }
  }

  private static long coverage(HistoryDatabase database, PreviousSet set, String runId)
      throws SQLException, IOException {
    Optional<PreviousSet.SetFile> file = set.file(Coverage.STEM);
    if (file.isEmpty()) {
      return 0;
    }
    long written = 0;
    try (PreparedStatement insert =
            database
                .connection()
                .prepareStatement(
                    "INSERT INTO coverage (run_id, account_id, account_name, region, resource,"
                        + " status, records, carried_records, last_ok_at, error) VALUES (?, ?, ?,"
                        + " ?, ?, ?, ?, ?, "
                        + database.time()
                        + ", ?)");
        RecordReader rows =
            RecordReader.open(file.get().path(), file.get().format(), Map.of(), "Tags")) {
      for (ObjectNode row = rows.next(); row != null; row = rows.next()) {
        insert.setString(1, runId);
        insert.setString(2, row.path("AccountId").asText(""));
        insert.setString(3, row.path("AccountName").asText(null));
        insert.setString(4, row.path("Region").asText(""));
        insert.setString(5, row.path(Coverage.RESOURCE).asText(""));
        insert.setString(6, row.path(Coverage.STATUS).asText(""));
        insert.setLong(7, row.path(Coverage.RECORDS).asLong(0));
        insert.setLong(8, row.path(Coverage.CARRIED_RECORDS).asLong(0));
        insert.setString(9, time(row.path(Coverage.LAST_OK_AT).asText(null)));
        insert.setString(10, row.path(Coverage.ERROR).asText(null));
        insert.addBatch();
        if (++written % BATCH == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    return written;
  }

  private static long records(
      HistoryDatabase database, PreviousSet set, Tables.Table table, String runId)
      throws SQLException, IOException {
    Optional<PreviousSet.SetFile> file = set.file(table.name());
    if (file.isEmpty()) {
      return 0;
    }
    List<String> names = new ArrayList<>(List.of("run_id", "account_id", "account_name", "region"));
    List<String> values = new ArrayList<>(List.of("?", "?", "?", "?"));
    for (FactColumn key : table.keys()) {
      names.add(key.name());
      values.add("?");
    }
    names.addAll(List.of("stale", "collected_at", "last_seen_at"));
    values.addAll(List.of("?", database.time(), database.time()));
    for (FactColumn fact : table.facts()) {
      names.add(fact.name());
      values.add(fact.kind() == FactColumn.Kind.JSON ? database.json() : "?");
    }
    names.add("record");
    values.add(database.json());
    String sql =
        "INSERT INTO "
            + table.name()
            + " ("
            + String.join(", ", names)
            + ") VALUES ("
            + String.join(", ", values)
            + ")";
    long written = 0;
    OutputFormat format = file.get().format();
    try (PreparedStatement insert = database.connection().prepareStatement(sql);
        RecordReader records =
            RecordReader.open(
                file.get().path(),
                format,
                format == OutputFormat.CSV ? CsvRowSchemas.columnTypes(table.type()) : Map.of(),
                table.type().layout().tagsMember())) {
      for (ObjectNode record = records.next(); record != null; record = records.next()) {
        int i = 1;
        insert.setString(i++, runId);
        insert.setString(i++, record.path("AccountId").asText(""));
        insert.setString(i++, record.path("AccountName").asText(null));
        insert.setString(i++, record.path("Region").asText(""));
        for (FactColumn key : table.keys()) {
          JsonNode value = key.value(record);
          insert.setString(i++, value == null ? "" : value.asText());
        }
        insert.setBoolean(i++, record.path("Stale").asBoolean(false));
        insert.setString(i++, time(record.path("CollectedAt").asText(null)));
        insert.setString(i++, time(record.path("LastSeenAt").asText(null)));
        for (FactColumn fact : table.facts()) {
          set(insert, i++, fact, fact.value(record), database.dialect());
        }
        insert.setString(i, record.toString());
        insert.addBatch();
        if (++written % BATCH == 0) {
          insert.executeBatch();
        }
      }
      insert.executeBatch();
    }
    return written;
  }

  private static void set(
      PreparedStatement insert, int index, FactColumn column, JsonNode value, Dialect dialect)
      throws SQLException {
    if (value == null) {
      insert.setNull(
          index,
          switch (column.kind()) {
            case INTEGER -> Types.BIGINT;
            case BOOLEAN -> Types.BOOLEAN;
            default -> Types.VARCHAR;
          });
      return;
    }
    switch (column.kind()) {
      case TEXT ->
          insert.setString(index, value.isContainerNode() ? value.toString() : value.asText());
      case INTEGER -> {
        if (value.canConvertToLong()) {
          insert.setLong(index, value.asLong());
        } else {
          insert.setNull(index, Types.BIGINT);
        }
      }
      case BOOLEAN -> insert.setBoolean(index, value.asBoolean());
      case JSON -> insert.setString(index, value.toString());
    }
  }

  /**
   * An instant as the history stores it: ISO-8601 UTC with milliseconds, so text comparison in
   * SQLite orders it; null stays null, text that is no instant is kept as it is.
   */
  static String time(String instant) {
    if (instant == null || instant.isEmpty()) {
      return null;
    }
    try {
      return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
          .withZone(java.time.ZoneOffset.UTC)
          .format(Instant.parse(instant));
    } catch (DateTimeParseException e) {
      return instant;
    }
  }

  /** The rows per table of one append, as a line for stderr. */
  public static String describe(Appended appended) {
    Map<String, Long> sorted = new TreeMap<>(appended.rows());
    StringBuilder line = new StringBuilder();
    sorted.forEach(
        (table, rows) ->
            line.append(line.length() == 0 ? "" : ", ").append(table).append(' ').append(rows));
    return line.toString();
  }
}
