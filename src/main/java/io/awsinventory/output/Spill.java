package io.awsinventory.output;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where one target's sorted records of one resource type lie: {@code records} lines of JSON, {@code
 * length} bytes of {@code file} from {@code offset}. A small target's records share the run's
 * {@link SpillSegment} with the other small targets; a large one's fill a file of its own. {@code
 * duplicates} records of a key already held were left out.
 */
public record Spill(Path file, long offset, long length, long records, long duplicates) {
  public Spill(Path file, long offset, long length, long records) {
    this(file, offset, length, records, 0);
  }

  /** Takes one stored record. */
  @FunctionalInterface
  public interface RecordConsumer {
    void accept(com.fasterxml.jackson.databind.node.ObjectNode record) throws IOException;
  }

  /** Hands each record of this spill to {@code consumer}, in order, one at a time. */
  public void forEachRecord(RecordConsumer consumer) throws IOException {
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
      new SpillLines()
          .forEach(
              channel,
              this,
              (bytes, from, length) ->
                  consumer.accept(
                      (com.fasterxml.jackson.databind.node.ObjectNode)
                          Json.MAPPER.readTree(bytes, from, length)));
    }
  }

  /** This spill, saying that {@code count} records of a key already written were left out. */
  Spill withDuplicates(long count) {
    return new Spill(file, offset, length, records, count);
  }
}
