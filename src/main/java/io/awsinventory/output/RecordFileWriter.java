package io.awsinventory.output;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;

/** Writes the records of one resource type, in order, in one output format. */
public interface RecordFileWriter {
  /** Writes one record, given as its JSON text. */
  void write(String json) throws IOException;

  /** Ends the file (closing bracket, ...) without closing the underlying writer. */
  void finish() throws IOException;

  /** The tag keys of the records written, where the format has tag columns. */
  default Set<String> tagKeysSeen() {
    return Set.of();
  }

  static RecordFileWriter open(
      OutputFormat format,
      Writer out,
      FileLayout layout,
      List<String> tagColumns,
      boolean escapeFormulas)
      throws IOException {
    return switch (format) {
      case JSON -> new JsonArrayFileWriter(out);
      case JSONL -> new JsonLinesFileWriter(out);
      case CSV -> new CsvFileWriter(out, CsvColumns.of(layout, tagColumns), escapeFormulas);
    };
  }
}
