package io.awsinventory.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillWriterTest {
  @TempDir Path dir;

  private Path write(long holdChars, boolean[] sorted, String... ids) throws Exception {
    Path spill = dir.resolve("spill-" + holdChars);
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    try (SpillWriter writer =
        new SpillWriter(
            spill, "111122223333", null, "eu-west-1", List.of("Id"), clock, holdChars)) {
      for (String id : ids) {
        writer.accept(JsonNodeFactory.instance.objectNode().put("Id", id));
      }
      writer.close();
      sorted[0] = writer.sorted();
    }
    return spill;
  }

  private static List<String> keys(Path spill) throws Exception {
    return Files.readAllLines(spill).stream().map(l -> l.substring(0, l.indexOf('\t'))).toList();
  }

  @Test
  void aSmallTarget_isWrittenInOrder_once() throws Exception {
    boolean[] sorted = new boolean[1];

    Path spill = write(1 << 20, sorted, "i-c", "i-a", "i-b");

    assertThat(sorted[0]).isTrue();
    assertThat(keys(spill)).containsExactly("i-a", "i-b", "i-c");
  }

  @Test
  void aTargetLargerThanTheHold_goesToTheFileAsItComes_forTheSorter() throws Exception {
    boolean[] sorted = new boolean[1];

    Path spill = write(10, sorted, "i-c", "i-a", "i-b");

    assertThat(sorted[0]).isFalse();
    assertThat(keys(spill)).containsExactly("i-c", "i-a", "i-b");
    new SpillSorter(1 << 20).sort(spill);
    assertThat(keys(spill)).containsExactly("i-a", "i-b", "i-c");
  }
}
