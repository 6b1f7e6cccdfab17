package io.awsinventory.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.output.CsvStyle;
import io.awsinventory.output.OutputFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The merge of two sides: stale rows are never changes; times never differ; order is checked. */
class DiffUnitTest {
  @TempDir Path dir;

  private static Diff.Keyed row(String id, String type, boolean stale, String collectedAt) {
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    record.put("AccountId", "111111111111").put("Region", "eu-west-1").put("InstanceId", id);
    record.put("InstanceType", type).put("Stale", stale).put("CollectedAt", collectedAt);
    record.putObject("State").put("Name", "running");
    return new Diff.Keyed("111111111111", "eu-west-1", id, record);
  }

  private static Diff.Source side(Diff.Keyed... rows) {
    Iterator<Diff.Keyed> it = List.of(rows).iterator();
    return new Diff.Source() {
      @Override
      public Diff.Keyed next() {
        return it.hasNext() ? it.next() : null;
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void staleRows_areNeverChanges_andTimesNeverDiffer() throws IOException {
    Path file = dir.resolve("diff.jsonl");
    Diff.Counts counts =
        Diff.write(
            side(
                row("i-1", "t3.large", false, "2026-11-01T00:00:00Z"),
                row("i-2", "t3.large", false, "2026-11-01T00:00:00Z"),
                row("i-3", "t3.large", true, "2026-11-01T00:00:00Z"),
                row("i-4", "t3.large", false, "2026-11-01T00:00:00Z")),
            side(
                row("i-1", "t3.large", false, "2026-12-01T00:00:00Z"),
                row("i-2", "m5.large", true, "2026-12-01T00:00:00Z"),
                row("i-4", "m5.large", false, "2026-12-01T00:00:00Z"),
                row("i-5", "t3.large", true, "2026-12-01T00:00:00Z")),
            file,
            OutputFormat.JSONL,
            CsvStyle.PLAIN);

    // i-1: only its time moved; i-2: carried now, so not a change; i-3: carried then, gone now;
    // i-5: carried, so not new
    assertThat(counts).isEqualTo(new Diff.Counts(0, 0, 1));
    assertThat(Files.readString(file))
        .contains("\"Key\":\"i-4\"")
        .contains("\"ChangedColumns\":\"InstanceType\"")
        .contains("\"Before\":\"{\\\"InstanceType\\\":\\\"t3.large\\\"}\"");
  }

  @Test
  void aSideOutOfKeyOrder_isRefused_ratherThanReadAsChanges() {
    assertThatThrownBy(
            () ->
                Diff.write(
                    side(row("i-2", "a", false, "x"), row("i-1", "a", false, "x")),
                    side(),
                    dir.resolve("d.jsonl"),
                    OutputFormat.JSONL,
                    CsvStyle.PLAIN))
        .hasMessageContaining("not in key order");
  }

  @Test
  void changedColumns_putTheLicenceColumnsFirst() {
    ObjectNode a = row("i-1", "t3.large", false, "x").record();
    ObjectNode b = row("i-1", "m5.large", false, "y").record();
    a.put("Zone", "a").put("Vcpus", 2).with("State").put("Name", "running");
    b.put("Zone", "b").put("Vcpus", 4).with("State").put("Name", "stopped");

    assertThat(Diff.changedColumns(Diff.flatten(a), Diff.flatten(b)))
        .containsExactly("InstanceType", "Vcpus", "State.Name", "Zone");
  }
}
