package io.awsinventory.output;

import java.io.IOException;
import java.io.Writer;

/** A JSON array with one record per line, so two runs diff line by line. */
final class JsonArrayFileWriter implements RecordFileWriter {
  private final Writer out;
  private boolean first = true;

  JsonArrayFileWriter(Writer out) throws IOException {
    this.out = out;
    out.write('[');
  }

  @Override
  public void write(String json) throws IOException {
    out.write(first ? "\n" : ",\n");
    out.write(json);
    first = false;
  }

  @Override
  public void finish() throws IOException {
    out.write(first ? "]\n" : "\n]\n");
  }
}
