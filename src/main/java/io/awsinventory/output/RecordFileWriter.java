package io.awsinventory.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** Writes the records of one resource type, in order, in one output format. */
public interface RecordFileWriter {
  /** Writes the records of one spill, in their order. */
  void writeAll(FileChannel from, Spill spill) throws IOException;

  /** Ends the file (closing bracket, ...) without closing the underlying stream. */
  void finish() throws IOException;

  /** The tag keys of the records written, where the format has tag columns. */
  default Set<String> tagKeysSeen() {
    return Set.of();
  }

  /**
   * The writer of {@code format} onto {@code out}, a buffer over {@code file}: JSON Lines copies
   * the spills' bytes from file to file.
   */
  static RecordFileWriter open(
      OutputFormat format,
      OutputStream out,
      FileChannel file,
      FileLayout layout,
      List<String> tagColumns,
      boolean escapeFormulas)
      throws IOException {
    return switch (format) {
      case JSON -> new JsonArrayFileWriter(out);
      case JSONL -> new JsonLinesFileWriter(out, file);
      case CSV ->
          new CsvFileWriter(
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16),
              CsvColumns.of(layout, tagColumns),
              escapeFormulas);
    };
  }
}
