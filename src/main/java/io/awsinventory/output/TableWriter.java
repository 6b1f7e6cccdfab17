package io.awsinventory.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a file of flat rows (text, number and boolean members) one row at a time, in any of the
 * three formats: CSV with the given columns as its header, a JSON array, or JSON Lines. A member
 * absent from a row is an empty CSV cell.
 */
public final class TableWriter implements AutoCloseable {
  private final Writer out;
  private final OutputFormat format;
  private final List<String> columns;
  private final CsvStyle csv;
  private boolean first = true;

  private TableWriter(Writer out, OutputFormat format, List<String> columns, CsvStyle csv) {
    this.out = out;
    this.format = format;
    this.columns = columns;
    this.csv = csv;
  }

  /** Creates {@code file} and writes its start (the CSV header). */
  public static TableWriter open(Path file, OutputFormat format, List<String> columns, CsvStyle csv)
      throws IOException {
    Writer out =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
    TableWriter writer = new TableWriter(out, format, columns, csv);
    try {
      if (format == OutputFormat.CSV) {
        if (csv.byteOrderMark()) {
          out.write('\uFEFF');
        }
        CsvFileWriter.writeRow(out, columns.toArray(String[]::new));
      } else if (format == OutputFormat.JSON) {
        out.write('[');
      }
    } catch (IOException e) {
      out.close();
      throw e;
    }
    return writer;
  }

  public void write(ObjectNode row) throws IOException {
    switch (format) {
      case CSV -> {
        String[] cells = new String[columns.size()];
        for (int i = 0; i < cells.length; i++) {
          JsonNode value = row.get(columns.get(i));
          String cell = value == null || value.isNull() ? "" : value.asText();
          cells[i] = csv.escapeFormulas() ? CsvFileWriter.neutralizeFormula(cell) : cell;
        }
        CsvFileWriter.writeRow(out, cells);
      }
      case JSONL -> {
        out.write(Json.MAPPER.writeValueAsString(row));
        out.write('\n');
      }
      case JSON -> {
        out.write(first ? "\n" : ",\n");
        out.write(Json.MAPPER.writeValueAsString(row));
      }
    }
    first = false;
  }

  /** Ends the file and closes it. */
  @Override
  public void close() throws IOException {
    try (out) {
      if (format == OutputFormat.JSON) {
        out.write(first ? "]\n" : "\n]\n");
      }
    }
  }
}
