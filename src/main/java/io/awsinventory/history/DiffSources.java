package io.awsinventory.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.collect.FactColumn;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.history.DatabaseUrl.Dialect;
import io.awsinventory.output.CsvStyle;
import io.awsinventory.output.Json;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.output.PreviousSet;
import io.awsinventory.output.RecordReader;
import io.awsinventory.schema.CsvRowSchemas;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The two sides of a diff, type by type: the files of two committed sets, or two runs of the
 * history database; both read in key order.
 */
public final class DiffSources {
  private static final char SEPARATOR = '\u001f';

  /** One side: the records of a type, in key order. */
  public interface Side {
    /** The records of {@code table}, or null when this side has no file or rows of it. */
    Diff.Source open(Tables.Table table) throws IOException;
  }

  private DiffSources() {}

  /** The side of a committed set. */
  public static Side of(PreviousSet set) {
    return table -> {
      ResourceType type = table.type();
      Optional<PreviousSet.SetFile> file = set.file(table.name());
      if (file.isEmpty()) {
        return null;
      }
      OutputFormat format = file.get().format();
      RecordReader records =
          RecordReader.open(
              file.get().path(),
              format,
              format == OutputFormat.CSV ? CsvRowSchemas.columnTypes(type) : Map.of(),
              type.layout().tagsMember());
      List<String> members = type.keyMembers();
      return new Diff.Source() {
        @Override
        public Diff.Keyed next() throws IOException {
          ObjectNode record = records.next();
          if (record == null) {
            return null;
          }
          StringBuilder key = new StringBuilder();
          for (String member : members) {
            if (key.length() > 0) {
              key.append(SEPARATOR);
            }
            JsonNode value = record.get(member);
            key.append(clean(value == null || value.isNull() ? "" : value.asText()));
          }
          return new Diff.Keyed(
              record.path("AccountId").asText(""),
              record.path("Region").asText(""),
              key.toString(),
              record);
        }

        @Override
        public void close() throws IOException {
          records.close();
        }
      };
    };
  }

  /**
   * The side of one run in the history database. The two sides of a diff are read at once: give
   * each its own connection.
   */
  public static Side of(HistoryDatabase database, String runId) {
    return table -> {
      String collate = database.dialect() == Dialect.POSTGRESQL ? " COLLATE \"C\"" : "";
      StringBuilder order = new StringBuilder("account_id" + collate + ", region" + collate);
      for (FactColumn key : table.keys()) {
        order.append(", ").append(key.name()).append(collate);
      }
      StringBuilder select = new StringBuilder("SELECT account_id, region");
      for (FactColumn key : table.keys()) {
        select.append(", ").append(key.name());
      }
      select.append(", record FROM ").append(table.name());
      try {
        try (PreparedStatement any =
            database
                .connection()
                .prepareStatement("SELECT 1 FROM " + table.name() + " WHERE run_id = ? LIMIT 1")) {
          any.setString(1, runId);
          try (ResultSet found = any.executeQuery()) {
            if (!found.next()) {
              return null;
            }
          }
        }
        if (database.dialect() == Dialect.POSTGRESQL) {
          // PostgreSQL streams a result a fetch at a time only inside a transaction
          database.connection().setAutoCommit(false);
        }
        PreparedStatement query =
            database.connection().prepareStatement(select + " WHERE run_id = ? ORDER BY " + order);
        query.setFetchSize(1000);
        query.setString(1, runId);
        ResultSet rows = query.executeQuery();
        int keys = table.keys().size();
        return new Diff.Source() {
          @Override
          public Diff.Keyed next() throws IOException {
            try {
              if (!rows.next()) {
                return null;
              }
              StringBuilder key = new StringBuilder();
              for (int i = 0; i < keys; i++) {
                if (i > 0) {
                  key.append(SEPARATOR);
                }
                key.append(clean(rows.getString(3 + i)));
              }
              ObjectNode record = (ObjectNode) Json.MAPPER.readTree(rows.getString(3 + keys));
              return new Diff.Keyed(rows.getString(1), rows.getString(2), key.toString(), record);
            } catch (SQLException e) {
              throw new IOException(e.getMessage(), e);
            }
          }

          @Override
          public void close() throws IOException {
            try {
              rows.close();
              query.close();
            } catch (SQLException e) {
              throw new IOException(e.getMessage(), e);
            }
          }
        };
      } catch (SQLException e) {
        throw new IOException(e.getMessage(), e);
      }
    };
  }

  /**
   * Diffs every type either side has into {@code outputDir} ({@code diff_<stem>.<ext>}); the counts
   * per file name, in type order.
   */
  public static Map<String, Diff.Counts> write(
      Side from, Side to, Path outputDir, OutputFormat format, CsvStyle csv) throws IOException {
    Map<String, Diff.Counts> counts = new LinkedHashMap<>();
    for (Tables.Table table : Tables.all()) {
      try (Diff.Source a = readAhead(from.open(table), "from");
          Diff.Source b = readAhead(to.open(table), "to")) {
        if (a == EMPTY && b == EMPTY) {
          continue;
        }
        String name = "diff_" + table.name() + "." + format.extension();
        counts.put(name, Diff.write(a, b, outputDir.resolve(name), format, csv));
      }
    }
    return counts;
  }

  private static final Diff.Source EMPTY =
      new Diff.Source() {
        @Override
        public Diff.Keyed next() {
          return null;
        }

        @Override
        public void close() {}
      };

  private static Diff.Source readAhead(Diff.Source source, String name) {
    return source == null ? EMPTY : new ReadAheadSide(source, name);
  }

  /** A key value as the files sort it: no tab, line end or separator inside. */
  private static String clean(String value) {
    return value == null
        ? ""
        : value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ').replace(SEPARATOR, ' ');
  }
}
