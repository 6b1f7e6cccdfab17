package io.awsinventory.history;

import io.awsinventory.history.DatabaseUrl.Dialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/**
 * The history database: one connection, its schema brought to the tool's version when it is opened
 * (the runs and coverage tables from versioned SQL files, {@code history/<dialect>/V<n>__*.sql},
 * each applied once and recorded in {@code schema_history}; then each resource type's table and
 * view made from its definition, {@link Tables}), then runs appended, listed and pruned.
 */
public final class HistoryDatabase implements AutoCloseable {
  /** The migrations of the runs and coverage tables, in order. */
  static final List<String> MIGRATIONS = List.of("V1__snapshots.sql");

  private final DatabaseUrl url;
  private final Connection connection;

  private HistoryDatabase(DatabaseUrl url, Connection connection) {
    this.url = url;
    this.connection = connection;
  }

  /**
   * Connects and migrates.
   *
   * @param user the PostgreSQL user (PGUSER, else the system user); unused for SQLite
   * @param password the PostgreSQL password, or null to let the driver read {@code ~/.pgpass}
   */
  public static HistoryDatabase open(DatabaseUrl url, String user, String password)
      throws SQLException {
    Properties properties = new Properties();
    if (url.dialect() == Dialect.POSTGRESQL) {
      properties.setProperty("user", user);
      if (password != null) {
        properties.setProperty("password", password);
      }
      properties.setProperty("connectTimeout", "15");
      properties.setProperty("ApplicationName", "aws-inventory");
      properties.setProperty("reWriteBatchedInserts", "true");
    } else {
      // a locked file is waited for this long, then the write fails; a transaction takes the
      // write lock when it begins, so two writers never deadlock half-way
      properties.setProperty("busy_timeout", "10000");
      properties.setProperty("transaction_mode", "IMMEDIATE");
    }
    Connection connection = DriverManager.getConnection(url.jdbc(), properties);
    HistoryDatabase database = new HistoryDatabase(url, connection);
    try {
      database.migrate();
    } catch (SQLException | RuntimeException e) {
      database.close();
      throw e;
    }
    return database;
  }

  DatabaseUrl url() {
    return url;
  }

  Connection connection() {
    return connection;
  }

  Dialect dialect() {
    return url.dialect();
  }

  /**
   * Applies the migrations this database has not had and makes the type tables it lacks. Several
   * collectors may open one PostgreSQL at once: the first takes a transaction-wide advisory lock
   * and migrates, the others wait for it and find the work done.
   */
  private void migrate() throws SQLException {
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      if (dialect() == Dialect.POSTGRESQL) {
        statement.execute("SELECT pg_advisory_xact_lock(7249183)");
      }
      statement.execute(
          "CREATE TABLE IF NOT EXISTS schema_history (version INTEGER PRIMARY KEY,"
              + " script TEXT NOT NULL, applied_at TEXT NOT NULL)");
      int applied = 0;
      try (ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_history")) {
        if (rows.next()) {
          applied = rows.getInt(1);
        }
      }
      if (applied > MIGRATIONS.size()) {
        throw new SQLException(
            "the database holds history version "
                + applied
                + ", newer than this aws-inventory knows ("
                + MIGRATIONS.size()
                + "): use a newer aws-inventory");
      }
      for (int version = applied + 1; version <= MIGRATIONS.size(); version++) {
        String script = MIGRATIONS.get(version - 1);
        for (String sql : statements(read(script))) {
          statement.execute(sql);
        }
        try (PreparedStatement record =
            connection.prepareStatement(
                "INSERT INTO schema_history (version, script, applied_at) VALUES (?, ?, ?)")) {
          record.setInt(1, version);
          record.setString(2, script);
          record.setString(3, Instant.now().toString());
          record.executeUpdate();
        }
      }
      Tables.ensure(connection, dialect());
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      // no transaction stays open: on SQLite an open one would hold the write lock
      connection.setAutoCommit(true);
    }
  }

  private String read(String script) {
    String path = "/history/" + dialect().name().toLowerCase(java.util.Locale.ROOT) + "/" + script;
    try (InputStream in =
        Objects.requireNonNull(
            HistoryDatabase.class.getResourceAsStream(path), path + " is missing from the build")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The statements of a script: split at each {@code ;} that ends a line, comments dropped. */
  static List<String> statements(String script) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : script.split("\n")) {
      if (line.strip().startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.stripTrailing().endsWith(";")) {
        String sql = current.toString().strip();
        statements.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      statements.add(current.toString().strip());
    }
    return statements;
  }

  /** A placeholder for a time: cast on PostgreSQL, ISO text on SQLite. */
  String time() {
    return dialect() == Dialect.POSTGRESQL ? "CAST(? AS TIMESTAMPTZ)" : "?";
  }

  /** A placeholder for JSON text: cast on PostgreSQL, text on SQLite. */
  String json() {
    return dialect() == Dialect.POSTGRESQL ? "CAST(? AS JSONB)" : "?";
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
