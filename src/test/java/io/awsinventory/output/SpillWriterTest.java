package io.awsinventory.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillWriterTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00.123456Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private Workspace workspace;

  @BeforeEach
  void open() throws Exception {
    workspace = Workspace.open(dir);
  }

  @AfterEach
  void close() {
    workspace.close();
  }

  private Spill write(String name, long holdChars, ObjectNode... records) throws Exception {
    SpillWriter writer =
        new SpillWriter(
            workspace,
            name,
            "111122223333",
            null,
            "eu-west-1",
            List.of("Id"),
            CLOCK,
            new SpillSorter(holdChars),
            new Duplicates(null));
    try (writer) {
      for (ObjectNode record : records) {
        writer.accept(record);
      }
    }
    assertThat(writer.records()).isEqualTo(records.length);
    return writer.spill();
  }

  private Spill write(String name, long holdChars, String... ids) throws Exception {
    return write(
        name,
        holdChars,
        Arrays.stream(ids)
            .map(id -> JsonNodeFactory.instance.objectNode().put("Id", id))
            .toArray(ObjectNode[]::new));
  }

  private static List<String> lines(Spill spill) throws Exception {
    byte[] file = Files.readAllBytes(spill.file());
    String text =
        new String(file, (int) spill.offset(), (int) spill.length(), StandardCharsets.UTF_8);
    return text.lines().toList();
  }

  private static List<String> ids(Spill spill) throws Exception {
    return lines(spill).stream().map(l -> l.replaceAll(".*\"Id\":\"([^\"]+)\".*", "$1")).toList();
  }

  @Test
  void smallTargets_shareOneFile_eachInOrderInOnePiece() throws Exception {
    Spill first = write("a", 1 << 20, "i-c", "i-a", "i-b");
    Spill second = write("b", 1 << 20, "i-z", "i-y");

    assertThat(second.file()).isEqualTo(first.file());
    assertThat(second.offset()).isEqualTo(first.length());
    assertThat(first.records()).isEqualTo(3);
    assertThat(ids(first)).containsExactly("i-a", "i-b", "i-c");
    assertThat(ids(second)).containsExactly("i-y", "i-z");
    try (var files = Files.list(first.file().getParent())) {
      assertThat(files.filter(f -> f.toString().endsWith(".spill")).count()).isEqualTo(1);
    }
  }

  @Test
  void aTargetLargerThanTheHold_getsAFileOfItsOwn_sortedWhenItEnds() throws Exception {
    Spill small = write("small", 1 << 20, "i-q");
    Spill large = write("large", 10, "i-c", "i-a", "i-b");

    assertThat(large.file()).isNotEqualTo(small.file());
    assertThat(large.file().getFileName().toString()).isEqualTo("large.spill");
    assertThat(large.offset()).isZero();
    assertThat(large.length()).isEqualTo(Files.size(large.file()));
    assertThat(large.records()).isEqualTo(3);
    assertThat(ids(large)).containsExactly("i-a", "i-b", "i-c");
  }

  @Test
  void linesLongerThanTheSegmentsBuffer_arriveWhole() throws Exception {
    String data = "é".repeat(70_000);
    ObjectNode large = JsonNodeFactory.instance.objectNode().put("Id", "i-2").put("Data", data);
    ObjectNode small = JsonNodeFactory.instance.objectNode().put("Id", "i-1");

    List<String> lines = lines(write("long", 1 << 20, large, small));

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0)).endsWith("\"Id\":\"i-1\"}");
    assertThat(lines.get(1)).contains("\"Id\":\"i-2\"").endsWith("\"Data\":\"" + data + "\"}");
  }

  @Test
  void recordsOfOneKey_areWrittenOnce_theFirstInTextOrder_heldAsTheSorterKeepsIt()
      throws Exception {
    ObjectNode[] records = {
      JsonNodeFactory.instance.objectNode().put("Id", "i-1").put("Name", "zé"),
      JsonNodeFactory.instance.objectNode().put("Id", "i-1").put("Name", "ab"),
      JsonNodeFactory.instance.objectNode().put("Id", "i-0").put("Name", "\uD83D\uDE00")
    };

    Spill spill = write("held", 1 << 20, records);
    List<String> held = lines(spill);

    assertThat(held).isEqualTo(lines(write("sorted", 10, records)));
    assertThat(held).hasSize(2);
    assertThat(spill.records()).isEqualTo(2);
    assertThat(spill.duplicates()).isEqualTo(1);
    assertThat(held.get(0)).contains("\uD83D\uDE00");
    assertThat(held.get(1)).contains("\"ab\"");
  }

  @Test
  void halfASurrogatePair_isStoredAsAQuestionMark_inBothSpills() throws Exception {
    ObjectNode record =
        JsonNodeFactory.instance.objectNode().put("Id", "i-1").put("Name", "x\uD800y\uDC00");

    assertThat(lines(write("held", 1 << 20, record)).get(0)).endsWith("\"Name\":\"x?y?\"}");
    assertThat(lines(write("sorted", 10, record)).get(0)).endsWith("\"Name\":\"x?y?\"}");
  }

  @Test
  void aTargetWithoutRecords_storesNothing() throws Exception {
    assertThat(write("none", 1 << 20, new String[0])).isNull();
  }

  @Test
  void aRecord_putsTheContextFirst_andARecordsOwnContextMemberKeepsItsValue() throws Exception {
    ObjectNode plain = JsonNodeFactory.instance.objectNode().put("Id", "i-1").put("Name", "web");
    ObjectNode own = JsonNodeFactory.instance.objectNode().put("Region", "own").put("Id", "i-2");

    List<String> lines = lines(write("context", 1 << 20, plain, own));

    assertThat(lines)
        .containsExactly(
            "{\"AccountId\":\"111122223333\",\"Region\":\"eu-west-1\","
                + "\"CollectedAt\":\"2026-01-01T00:00:00.123Z\",\"Stale\":false,"
                + "\"LastSeenAt\":\"2026-01-01T00:00:00.123Z\",\"Id\":\"i-1\",\"Name\":\"web\"}",
            "{\"AccountId\":\"111122223333\",\"Region\":\"own\","
                + "\"CollectedAt\":\"2026-01-01T00:00:00.123Z\",\"Stale\":false,"
                + "\"LastSeenAt\":\"2026-01-01T00:00:00.123Z\",\"Id\":\"i-2\"}");
  }

  @Test
  void aCarriedRecord_keepsItsTimes_andStaysStale() throws Exception {
    ObjectNode carried =
        JsonNodeFactory.instance
            .objectNode()
            .put("AccountId", "111122223333")
            .put("Region", "eu-west-1")
            .put("CollectedAt", "2025-12-30T10:00:00Z")
            .put("Stale", true)
            .put("Id", "i-1");
    ObjectNode carriedTwice = carried.deepCopy().put("Id", "i-2");
    carriedTwice.put("LastSeenAt", "2025-12-20T10:00:00Z");

    assertThat(lines(write("carried", 1 << 20, carried, carriedTwice)))
        .containsExactly(
            "{\"AccountId\":\"111122223333\",\"Region\":\"eu-west-1\","
                + "\"CollectedAt\":\"2025-12-30T10:00:00Z\",\"Stale\":true,"
                + "\"LastSeenAt\":\"2025-12-30T10:00:00Z\",\"Id\":\"i-1\"}",
            "{\"AccountId\":\"111122223333\",\"Region\":\"eu-west-1\","
                + "\"CollectedAt\":\"2025-12-30T10:00:00Z\",\"Stale\":true,"
                + "\"LastSeenAt\":\"2025-12-20T10:00:00Z\",\"Id\":\"i-2\"}");
  }

  @Test
  void theAssembler_readsEachSpillAtItsPlace_inTheOrderGiven() throws Exception {
    Spill first = write("a", 1 << 20, "i-2", "i-1");
    Spill large = write("large", 10, "i-9", "i-8");
    Spill second = write("b", 1 << 20, "i-3");
    Path out = dir.resolve("out.jsonl");

    long records =
        new FileAssembler(OutputFormat.JSONL, List.of(), CsvStyle.PLAIN)
            .assemble(new FileLayout("out", List.of(), null), List.of(second, large, first), out);

    assertThat(records).isEqualTo(5);
    assertThat(Files.readAllLines(out))
        .extracting(line -> line.replaceAll(".*\"Id\":\"([^\"]+)\".*", "$1"))
        .containsExactly("i-3", "i-8", "i-9", "i-1", "i-2");
  }

  @Test
  void theAssembler_writesAJsonArray_fromTheSameSpills() throws Exception {
    Spill first = write("a", 1 << 20, "i-2", "i-1");
    Spill large = write("large", 10, "i-9", "i-8");
    Path out = dir.resolve("out.json");

    long records =
        new FileAssembler(OutputFormat.JSON, List.of(), CsvStyle.PLAIN)
            .assemble(new FileLayout("out", List.of(), null), List.of(large, first), out);

    assertThat(records).isEqualTo(4);
    assertThat(Json.MAPPER.readTree(out.toFile()).findValuesAsText("Id"))
        .containsExactly("i-8", "i-9", "i-1", "i-2");
  }
}
