package io.awsinventory.output;

import com.fasterxml.jackson.core.JsonGenerator;
import io.awsinventory.Secrets;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The coverage file: one row per planned account x region x resource, saying whether its rows in
 * the data files were read now ({@code ok}), carried from the previous set ({@code
 * CarriedRecords}), or are absent and why. It is an importer's join partner: for the keys of {@code
 * ok} rows trust the data; for the others keep what it had.
 */
public final class Coverage {
  public static final String STEM = "coverage";
  public static final String RESOURCE = "Resource";
  public static final String STATUS = "Status";
  public static final String RECORDS = "Records";
  public static final String CARRIED_RECORDS = "CarriedRecords";
  public static final String LAST_OK_AT = "LastOkAt";
  public static final String ERROR = "Error";

  /** The columns, in order; the first, third and fourth are the key. */
  public static final List<String> COLUMNS =
      List.of(
          SpillWriter.ACCOUNT_ID,
          SpillWriter.ACCOUNT_NAME,
          SpillWriter.REGION,
          RESOURCE,
          STATUS,
          RECORDS,
          CARRIED_RECORDS,
          LAST_OK_AT,
          ERROR);

  /** The columns that identify a row. */
  public static final List<String> KEY =
      List.of(SpillWriter.ACCOUNT_ID, SpillWriter.REGION, RESOURCE);

  /** One row; {@code accountName}, {@code lastOkAt} and {@code error} may be null. */
  public record Row(
      String accountId,
      String accountName,
      String region,
      String resource,
      String status,
      long records,
      long carriedRecords,
      String lastOkAt,
      String error) {}

  private Coverage() {}

  public static String fileName(OutputFormat format) {
    return STEM + "." + format.extension();
  }

  /** Writes {@code rows}, in their order, as {@code format}; every secret masked. */
  public static void write(Path file, OutputFormat format, CsvStyle csv, List<Row> rows)
      throws IOException {
    try (Writer out =
        new BufferedWriter(
            new java.io.OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
            1 << 16)) {
      switch (format) {
        case CSV -> writeCsv(out, csv, rows);
        case JSONL -> {
          for (Row row : rows) {
            out.write(json(row));
            out.write('\n');
          }
        }
        case JSON -> {
          out.write('[');
          for (int i = 0; i < rows.size(); i++) {
            out.write(i == 0 ? "\n" : ",\n");
            out.write(json(rows.get(i)));
          }
          out.write(rows.isEmpty() ? "]\n" : "\n]\n");
        }
      }
    }
  }

  private static void writeCsv(Writer out, CsvStyle csv, List<Row> rows) throws IOException {
    if (csv.byteOrderMark()) {
      out.write('\uFEFF');
    }
    CsvFileWriter.writeRow(out, COLUMNS.toArray(String[]::new));
    for (Row row : rows) {
      String[] cells = {
        row.accountId(),
        text(row.accountName()),
        row.region(),
        row.resource(),
        row.status(),
        Long.toString(row.records()),
        Long.toString(row.carriedRecords()),
        text(row.lastOkAt()),
        Secrets.redact(text(row.error()))
      };
      if (csv.escapeFormulas()) {
        for (int i = 0; i < cells.length; i++) {
          cells[i] = CsvFileWriter.neutralizeFormula(cells[i]);
        }
      }
      CsvFileWriter.writeRow(out, cells);
    }
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String json(Row row) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = Json.MAPPER.createGenerator(text)) {
      json.writeStartObject();
      json.writeStringField(SpillWriter.ACCOUNT_ID, row.accountId());
      if (row.accountName() != null) {
        json.writeStringField(SpillWriter.ACCOUNT_NAME, row.accountName());
      }
      json.writeStringField(SpillWriter.REGION, row.region());
      json.writeStringField(RESOURCE, row.resource());
      json.writeStringField(STATUS, row.status());
      json.writeNumberField(RECORDS, row.records());
      json.writeNumberField(CARRIED_RECORDS, row.carriedRecords());
      if (row.lastOkAt() != null) {
        json.writeStringField(LAST_OK_AT, row.lastOkAt());
      }
      if (row.error() != null) {
        json.writeStringField(ERROR, row.error());
      }
      json.writeEndObject();
    }
    return Secrets.redact(text.toString());
  }
}
