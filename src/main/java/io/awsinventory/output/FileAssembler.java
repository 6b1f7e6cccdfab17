package io.awsinventory.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Assembles the output file of one resource type from the sorted spills of its targets, in the
 * order given (account, then region), streaming: no more than one record is held at a time.
 */
public final class FileAssembler {
  private final OutputFormat format;
  private final List<String> tagColumns;
  private final CsvStyle csv;
  private final java.util.Set<String> tagKeysSeen = new java.util.TreeSet<>();

  public FileAssembler(OutputFormat format, List<String> tagColumns, CsvStyle csv) {
    this.format = format;
    this.tagColumns = tagColumns;
    this.csv = csv;
  }

  /** Every tag key of the CSV records assembled so far. */
  public java.util.Set<String> tagKeysSeen() {
    return tagKeysSeen;
  }

  public String fileName(FileLayout layout) {
    return layout.fileName(format);
  }

  /** Writes {@code target} from {@code spills}; returns the number of records written. */
  public long assemble(FileLayout layout, List<Spill> spills, Path target) throws IOException {
    long records = 0;
    Map<Path, FileChannel> open = new HashMap<>();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), 1 << 16)) {
      if (format == OutputFormat.CSV && csv.byteOrderMark()) {
        out.write(BYTE_ORDER_MARK);
      }
      RecordFileWriter writer =
          RecordFileWriter.open(format, out, layout, tagColumns, csv.escapeFormulas());
      Lines lines = new Lines();
      for (Spill spill : spills) {
        FileChannel channel = open.get(spill.file());
        if (channel == null) {
          channel = FileChannel.open(spill.file());
          open.put(spill.file(), channel);
        }
        records += lines.copy(channel, spill, writer);
      }
      writer.finish();
      tagKeysSeen.addAll(writer.tagKeysSeen());
    } finally {
      for (FileChannel channel : open.values()) {
        channel.close();
      }
    }
    return records;
  }

  private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  /**
   * Reads the lines of spills as bytes and hands each record's JSON, the part after the key's tab,
   * to the writer: the JSON formats copy it as it is, without decoding and encoding it again.
   */
  private static final class Lines {
    private byte[] buffer = new byte[1 << 16];

    long copy(FileChannel channel, Spill spill, RecordFileWriter writer) throws IOException {
      long records = 0;
      long position = spill.offset();
      long end = spill.offset() + spill.length();
      int filled = 0;
      while (position < end) {
        if (filled == buffer.length) {
          buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int wanted = (int) Math.min(buffer.length - filled, end - position);
        int read = channel.read(ByteBuffer.wrap(buffer, filled, wanted), position);
        if (read < 0) {
          throw new IOException("a spill of " + spill.file() + " ends before its length");
        }
        position += read;
        filled += read;
        int from = 0;
        for (int i = from; i < filled; i++) {
          if (buffer[i] == '\n') {
            record(writer, from, i);
            records++;
            from = i + 1;
          }
        }
        System.arraycopy(buffer, from, buffer, 0, filled - from);
        filled -= from;
      }
      if (filled > 0) {
        record(writer, 0, filled);
        records++;
      }
      return records;
    }

    private void record(RecordFileWriter writer, int from, int to) throws IOException {
      int json = from;
      while (json < to && buffer[json] != '\t') {
        json++;
      }
      json = json < to ? json + 1 : from;
      writer.write(buffer, json, to - json);
    }
  }
}
