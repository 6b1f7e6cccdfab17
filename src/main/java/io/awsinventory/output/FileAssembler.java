package io.awsinventory.output;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Assembles the output file of one resource type from the sorted spill files of its targets, in the
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
  public long assemble(FileLayout layout, List<Path> spills, Path target) throws IOException {
    long records = 0;
    try (BufferedWriter out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      if (format == OutputFormat.CSV && csv.byteOrderMark()) {
        out.write('\uFEFF');
      }
      RecordFileWriter writer =
          RecordFileWriter.open(format, out, layout, tagColumns, csv.escapeFormulas());
      for (Path spill : spills) {
        try (BufferedReader in = Files.newBufferedReader(spill, StandardCharsets.UTF_8)) {
          String line;
          while ((line = in.readLine()) != null) {
            writer.write(SpillSorter.record(line));
            records++;
          }
        }
      }
      writer.finish();
      tagKeysSeen.addAll(writer.tagKeysSeen());
    }
    return records;
  }
}
