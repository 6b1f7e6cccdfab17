package io.awsinventory.output;

import java.io.IOException;
import java.io.Writer;

/** JSON Lines: one record per line. */
final class JsonLinesFileWriter implements RecordFileWriter {
  private final Writer out;

  JsonLinesFileWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void write(String json) throws IOException {
    out.write(json);
    out.write('\n');
  }

  @Override
  public void finish() {}
}
