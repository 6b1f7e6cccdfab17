package io.awsinventory.output;

import java.io.IOException;
import java.io.OutputStream;

/** JSON Lines: one record per line. */
final class JsonLinesFileWriter implements RecordFileWriter {
  private final OutputStream out;

  JsonLinesFileWriter(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(byte[] json, int from, int length) throws IOException {
    out.write(json, from, length);
    out.write('\n');
  }

  @Override
  public void finish() {}
}
