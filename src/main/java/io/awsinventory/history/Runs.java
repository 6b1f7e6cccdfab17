package io.awsinventory.history;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The runs in the history: listed for {@code history}, pruned for {@code --keep-runs}. */
public final class Runs {
  /** One run, with its rows per table. */
  public record Run(
      String runId,
      String scope,
      String startedAt,
      String endedAt,
      int exitCode,
      Map<String, Long> rows) {}

  private Runs() {}

  /** Every run, oldest first, with its rows per table (tables it has no row in left out). */
  public static List<Run> list(HistoryDatabase database) throws SQLException {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    for (Tables.Table table : Tables.all()) {
      try (PreparedStatement query =
              database
                  .connection()
                  .prepareStatement(
                      "SELECT run_id, COUNT(*) FROM " + table.name() + " GROUP BY run_id");
          ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts
              .computeIfAbsent(rows.getString(1), k -> new LinkedHashMap<>())
              .put(table.name(), rows.getLong(2));
        }
      }
    }
    List<Run> runs = new ArrayList<>();
    for (Run run : runs(database)) {
      runs.add(
          new Run(
              run.runId(),
              run.scope(),
              run.startedAt(),
              run.endedAt(),
              run.exitCode(),
              counts.getOrDefault(run.runId(), Map.of())));
    }
    return runs;
  }

  /** Every run, oldest first, without counting its rows. */
  private static List<Run> runs(HistoryDatabase database) throws SQLException {
    List<Run> runs = new ArrayList<>();
    try (PreparedStatement query =
            database
                .connection()
                .prepareStatement(
                    "SELECT run_id, scope, started_at, ended_at, exit_code FROM runs"
                        + " ORDER BY ended_at, run_id");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        runs.add(
            new Run(
                rows.getString(1),
                rows.getString(2),
                text(rows.getObject(3)),
                text(rows.getObject(4)),
                rows.getInt(5),
                Map.of()));
      }
    }
    return runs;
  }

  /** A time column as ISO text, whichever type the database answers it as. */
  static String text(Object value) {
    if (value instanceof java.time.OffsetDateTime time) {
      return Snapshots.time(time.toInstant().toString());
    }
    if (value instanceof java.sql.Timestamp stamp) {
      return Snapshots.time(stamp.toInstant().toString());
    }
    return value == null ? null : Snapshots.time(value.toString());
  }

  /**
   * The two runs a diff compares: {@code from} and {@code to} each a run id or a day (YYYY-MM-DD:
   * the last run at or before the end of that UTC day), in the scope of the run named by id, else
   * of the newest run; by default the scope's last two runs.
   *
   * @throws IllegalArgumentException naming the option whose run the database does not hold
   */
  public static List<Run> pair(HistoryDatabase database, String from, String to)
      throws SQLException {
    List<Run> runs = runs(database);
    if (runs.isEmpty()) {
      throw new IllegalArgumentException("--from: the database holds no run yet");
    }
    String scope = runs.get(runs.size() - 1).scope();
    for (String spec : new String[] {to, from}) {
      for (Run run : runs) {
        if (run.runId().equals(spec)) {
          scope = run.scope();
        }
      }
    }
    List<Run> inScope = new ArrayList<>();
    for (Run run : runs) {
      if (run.scope().equals(scope)) {
        inScope.add(run);
      }
    }
    Run second = to == null ? inScope.get(inScope.size() - 1) : pick(inScope, to, "--to");
    Run first;
    if (from == null) {
      int index = inScope.indexOf(second);
      if (index < 1) {
        throw new IllegalArgumentException(
            "--from: the scope holds no run before " + second.runId() + " to compare with");
      }
      first = inScope.get(index - 1);
    } else {
      first = pick(inScope, from, "--from");
    }
    return List.of(first, second);
  }

  private static Run pick(List<Run> runs, String spec, String option) {
    for (Run run : runs) {
      if (run.runId().equals(spec)) {
        return run;
      }
    }
    if (!spec.matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw new IllegalArgumentException(
          option + ": no run " + spec + " in the database (a run id, or a day as YYYY-MM-DD)");
    }
    String endOfDay = spec + "T23:59:59.999Z";
    Run found = null;
    for (Run run : runs) {
      if (run.endedAt() != null && run.endedAt().compareTo(endOfDay) <= 0) {
        found = run;
      }
    }
    if (found == null) {
      throw new IllegalArgumentException(option + ": no run ended on or before " + spec);
    }
    return found;
  }

  /**
   * Deletes the runs of {@code scope} older than its newest {@code keep}, with their rows; the run
   * ids deleted. Runs in the caller's transaction.
   */
  static List<String> prune(HistoryDatabase database, String scope, int keep) throws SQLException {
    List<String> old = new ArrayList<>();
    try (PreparedStatement query =
        database
            .connection()
            .prepareStatement(
                "SELECT run_id FROM runs WHERE scope = ? ORDER BY ended_at DESC, run_id DESC")) {
      query.setString(1, scope);
      try (ResultSet rows = query.executeQuery()) {
        int seen = 0;
        while (rows.next()) {
          if (++seen > keep) {
            old.add(rows.getString(1));
          }
        }
      }
    }
    List<String> tables = new ArrayList<>();
    Tables.all().forEach(t -> tables.add(t.name()));
    tables.add("coverage");
    tables.add("runs");
    for (String runId : old) {
      for (String table : tables) {
        try (PreparedStatement delete =
            database.connection().prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
          delete.setString(1, runId);
          delete.executeUpdate();
        }
      }
    }
    return old;
  }
}
