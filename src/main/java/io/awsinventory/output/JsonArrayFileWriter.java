package io.awsinventory.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/** A JSON array with one record per line, so two runs diff line by line. */
final class JsonArrayFileWriter implements RecordFileWriter {
  private static final byte[] FIRST = "\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NEXT = ",\n".getBytes(StandardCharsets.US_ASCII);

  private final OutputStream out;
  private final SpillLines lines = new SpillLines();
  private boolean first = true;

  JsonArrayFileWriter(OutputStream out) throws IOException {
    this.out = out;
    out.write('[');
  }

  /** Writes one record, given as the UTF-8 bytes of its JSON text. */
  void write(byte[] json, int from, int length) throws IOException {
    out.write(first ? FIRST : NEXT);
    out.write(json, from, length);
    first = false;
  }

  @Override
  public void writeAll(FileChannel from, Spill spill) throws IOException {
    lines.forEach(from, spill, this::write);
  }

  @Override
  public void finish() throws IOException {
    out.write((first ? "]\n" : "\n]\n").getBytes(StandardCharsets.US_ASCII));
  }
}
