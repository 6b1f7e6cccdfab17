package io.awsinventory.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;

/**
 * JSON Lines: one record per line. A spill already holds its records so, one JSON text a line: its
 * bytes are copied from file to file as they are.
 */
final class JsonLinesFileWriter implements RecordFileWriter {
  private final OutputStream out;
  private final FileChannel file;

  JsonLinesFileWriter(OutputStream out, FileChannel file) {
    this.out = out;
    this.file = file;
  }

  @Override
  public void writeAll(FileChannel from, Spill spill) throws IOException {
    out.flush();
    long position = spill.offset();
    long end = spill.offset() + spill.length();
    while (position < end) {
      long copied = from.transferTo(position, end - position, file);
      if (copied <= 0) {
        throw new IOException("the records in " + spill.file() + " end before their length");
      }
      position += copied;
    }
  }

  @Override
  public void finish() {}
}
