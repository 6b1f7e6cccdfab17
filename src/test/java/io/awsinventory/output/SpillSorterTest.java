package io.awsinventory.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillSorterTest {
  @TempDir Path dir;

  private List<String> lines(int count) {
    Random random = new Random(42);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = "i-" + Long.toHexString(random.nextLong());
      lines.add(id + "\t{\"InstanceId\":\"" + id + "\",\"n\":" + i + "}");
    }
    return lines;
  }

  /** The records of {@code lines} in key order, without their keys, the first of a key alone. */
  private static List<String> sortedRecords(List<String> lines) {
    List<String> sorted = new ArrayList<>(lines);
    Collections.sort(sorted, SpillSorter.ORDER);
    List<String> records = new ArrayList<>();
    String lastKey = null;
    for (String line : sorted) {
      if (!SpillSorter.key(line).equals(lastKey)) {
        records.add(line.substring(line.indexOf('\t') + 1));
        lastKey = SpillSorter.key(line);
      }
    }
    return records;
  }

  @Test
  void sort_smallFile_inMemory_keepsTheFirstRecordOfAKeyInTheOrderTheMergeKeeps() throws Exception {
    List<String> lines = lines(500);
    // one key, texts whose order as characters differs from their bytes' order
    for (String name : List.of("z\u00e9", "ab", "\uD83D\uDE00", "\uFF21", "ab")) {
      lines.add(lines.size() / 2, "i-same\t{\"Name\":\"" + name + "\"}");
    }
    Path spill = Files.write(dir.resolve("a.spill"), lines);

    long kept = new SpillSorter(1 << 20).sort(spill);

    assertThat(Files.readAllLines(spill)).isEqualTo(sortedRecords(lines)).hasSize(501);
    assertThat(kept).isEqualTo(501);
    assertThat(Files.readAllLines(spill)).contains("{\"Name\":\"ab\"}");
  }

  @Test
  void sort_largerThanBudget_mergesRunsFromDiskToTheSameOrder() throws Exception {
    List<String> lines = lines(20_000);
    lines.add(lines.get(7)); // a key twice is written once
    Path spill = Files.write(dir.resolve("b.spill"), lines);

    long kept = new SpillSorter(64 * 1024).sort(spill);

    assertThat(Files.readAllLines(spill)).isEqualTo(sortedRecords(lines)).hasSize(20_000);
    assertThat(kept).isEqualTo(20_000);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(spill);
    }
  }

  @Test
  void sort_moreRunsThanTheFanIn_mergesInPasses() throws Exception {
    List<String> lines = lines(20_000);
    Path spill = Files.write(dir.resolve("d.spill"), lines);

    // about 100 lines per run: some 200 runs, more than one merge can open at once
    new SpillSorter(8 * 1024, 0).sort(spill);

    assertThat(Files.readAllLines(spill)).isEqualTo(sortedRecords(lines));
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(spill);
    }
  }

  @Test
  void sort_moreBytesThanTheBudgetInLinesThatFitIt_endsAsOneRunInTheSameOrder() throws Exception {
    List<String> lines = new ArrayList<>();
    for (String line : lines(100)) {
      lines.add(line.replace("}", ",\"d\":\"" + "\u00e9".repeat(100) + "\"}"));
    }
    Path spill = Files.write(dir.resolve("e.spill"), lines);
    // about 26,900 bytes; about 20,000 characters with the sorter's allowance per line
    assertThat(Files.size(spill)).isGreaterThan(23_000);

    new SpillSorter(23_000).sort(spill);

    assertThat(Files.readAllLines(spill)).isEqualTo(sortedRecords(lines));
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(spill);
    }
  }

  /** Records of one key: a read one beats a carried one; then the newest CaptureTime wins. */
  private static List<String> sameKeyLines() {
    return List.of(
        "k1\t{\"Id\":\"k1\",\"Stale\":true,\"CaptureTime\":\"2024-09-01T00:00:00Z\"}",
        "k1\t{\"Id\":\"k1\",\"Stale\":false,\"CaptureTime\":\"2024-01-01T00:00:00Z\"}",
        "k2\t{\"Id\":\"k2\",\"Stale\":false,\"CaptureTime\":\"2024-01-01T00:00:00Z\"}",
        "k2\t{\"Id\":\"k2\",\"Stale\":false,\"CaptureTime\":\"2024-03-01T00:00:00Z\"}",
        "k2\t{\"Id\":\"k2\",\"Stale\":false,\"CaptureTime\":\"2024-02-01T00:00:00Z\"}");
  }

  @Test
  void sort_recordsOfOneKey_readBeatsCarried_thenTheNewestWins_inMemoryAndThroughTheDisk()
      throws Exception {
    for (long budget : new long[] {1 << 20, 64}) {
      Path spill = Files.write(dir.resolve("dup-" + budget + ".spill"), sameKeyLines());
      Duplicates duplicates = new Duplicates("CaptureTime");

      long kept = new SpillSorter(budget, 0).sort(spill, duplicates);

      assertThat(Files.readAllLines(spill))
          .as("budget " + budget)
          .containsExactly(
              "{\"Id\":\"k1\",\"Stale\":false,\"CaptureTime\":\"2024-01-01T00:00:00Z\"}",
              "{\"Id\":\"k2\",\"Stale\":false,\"CaptureTime\":\"2024-03-01T00:00:00Z\"}");
      assertThat(kept).isEqualTo(2);
      // the carried k1 is not a duplicate of the read one; two k2 are
      assertThat(duplicates.count()).isEqualTo(2);
    }
  }

  @Test
  void sort_empty_staysEmpty() throws Exception {
    Path spill = Files.createFile(dir.resolve("c.spill"));

    new SpillSorter(1024).sort(spill);

    assertThat(Files.readAllLines(spill)).isEmpty();
  }
}
