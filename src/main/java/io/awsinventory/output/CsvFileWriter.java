package io.awsinventory.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.FileChannel;

/**
 * RFC 4180 CSV in UTF-8 with a header row and CRLF line ends. A cell holding a comma, quote, line
 * break, or a leading or trailing blank is quoted, its quotes doubled; other cells are written as
 * they are.
 *
 * <p>Cells are written exactly as the API returned them, so a Data Hub import and any CSV reader
 * get every value back unchanged. With {@code escapeFormulas}, a cell that a spreadsheet would run
 * as a formula (first character {@code = + - @}, tab or carriage return) gets a leading apostrophe,
 * for files opened by hand in a spreadsheet.
 */
final class CsvFileWriter implements RecordFileWriter {
  private static final String LINE_END = "\r\n";

  private final Writer out;
  private final CsvColumns columns;
  private final boolean escapeFormulas;
  private final SpillLines lines = new SpillLines();

  CsvFileWriter(Writer out, CsvColumns columns, boolean escapeFormulas) throws IOException {
    this.out = out;
    this.columns = columns;
    this.escapeFormulas = escapeFormulas;
    writeRow(out, columns.header().toArray(String[]::new));
  }

  /** Writes one record, given as the UTF-8 bytes of its JSON text. */
  void write(byte[] json, int from, int length) throws IOException {
    String[] cells = columns.cells((ObjectNode) Json.MAPPER.readTree(json, from, length));
    if (escapeFormulas) {
      for (int i = 0; i < cells.length; i++) {
        cells[i] = neutralizeFormula(cells[i]);
      }
    }
    writeRow(out, cells);
  }

  /** Writes one row of cells, as they are. */
  static void writeRow(Writer out, String[] cells) throws IOException {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      writeCell(out, cells[i]);
    }
    out.write(LINE_END);
  }

  private static void writeCell(Writer out, String cell) throws IOException {
    if (!needsQuotes(cell)) {
      out.write(cell);
      return;
    }
    out.write('"');
    out.write(cell.replace("\"", "\"\""));
    out.write('"');
  }

  static boolean needsQuotes(String cell) {
    if (cell.isEmpty()) {
      return false;
    }
    if (Character.isWhitespace(cell.charAt(0))
        || Character.isWhitespace(cell.charAt(cell.length() - 1))) {
      return true;
    }
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c == ',' || c == '"' || c == '\n' || c == '\r') {
        return true;
      }
    }
    return false;
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
  public java.util.Set<String> tagKeysSeen() {
    return columns.keysSeen();
  }

  @Override
  public void writeAll(FileChannel from, Spill spill) throws IOException {
    lines.forEach(from, spill, this::write);
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }
}
