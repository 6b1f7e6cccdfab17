package io.awsinventory.output;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;

/**
 * RFC 4180 CSV in UTF-8 with a header row and CRLF line ends. A cell with a comma, quote, line
 * break or leading or trailing blank is quoted, quotes doubled.
 *
 * <p>Cells are written exactly as the API returned them, so a Data Hub import and any CSV reader
 * get every value back unchanged. With {@code escapeFormulas}, a text cell that a spreadsheet would
 * run as a formula (first character {@code = + - @}, tab or carriage return) gets a leading
 * apostrophe instead, for files opened by hand in a spreadsheet.
 */
final class CsvFileWriter implements RecordFileWriter {
  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private final CsvColumns columns;
  private final boolean escapeFormulas;
  private final SequenceWriter rows;

  CsvFileWriter(Writer out, CsvColumns columns, boolean escapeFormulas) throws IOException {
    this.columns = columns;
    this.escapeFormulas = escapeFormulas;
    CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\r\n").withoutEscapeChar();
    this.rows =
        CSV.writer(schema)
            .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .writeValues(out);
    rows.write(columns.header().toArray(String[]::new));
  }

  @Override
  public void write(String json) throws IOException {
    String[] cells = columns.cells((ObjectNode) Json.MAPPER.readTree(json));
    if (escapeFormulas) {
      for (int i = 0; i < cells.length; i++) {
        cells[i] = neutralizeFormula(cells[i]);
      }
    }
    rows.write(cells);
  }

  static String neutralizeFormula(String cell) {
    if (cell.isEmpty()) {
      return cell;
    }
    char first = cell.charAt(0);
    boolean formula =
        first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r';
    return formula ? "'" + cell : cell;
  }

  @Override
  public void finish() throws IOException {
    rows.flush();
  }
}
