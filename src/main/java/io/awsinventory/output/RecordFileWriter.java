package io.awsinventory.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** Writes the records of one resource type, in order, in one output format. */
public interface RecordFileWriter {
  /** Writes one record, given as the UTF-8 bytes of its JSON text. */
  void write(byte[] json, int from, int length) throws IOException;

  /** Ends the file (closing bracket, ...) without closing the underlying stream. */
  void finish() throws IOException;

  /** The tag keys of the records written, where the format has tag columns. */
  default Set<String> tagKeysSeen() {
    return Set.of();
  }

  static RecordFileWriter open(
      OutputFormat format,
      OutputStream out,
      FileLayout layout,
      List<String> tagColumns,
      boolean escapeFormulas)
      throws IOException {
    return switch (format) {
      case JSON -> new JsonArrayFileWriter(out);
      case JSONL -> new JsonLinesFileWriter(out);
      case CSV ->
          new CsvFileWriter(
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
              CsvColumns.of(layout, tagColumns),
              escapeFormulas);
    };
  }
}
