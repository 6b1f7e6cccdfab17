package io.awsinventory.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
    try (FileChannel file =
            FileChannel.open(
                target,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(file), 1 << 16)) {
      if (format == OutputFormat.CSV && csv.byteOrderMark()) {
        out.write(BYTE_ORDER_MARK);
      }
      RecordFileWriter writer =
          RecordFileWriter.open(format, out, file, layout, tagColumns, csv.escapeFormulas());
      for (Spill spill : spills) {
        FileChannel channel = open.get(spill.file());
        if (channel == null) {
          channel = FileChannel.open(spill.file());
          open.put(spill.file(), channel);
        }
        writer.writeAll(channel, spill);
        records += spill.records();
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
}
