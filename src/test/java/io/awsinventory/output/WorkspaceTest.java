package io.awsinventory.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
  @TempDir Path out;

  private List<String> listing() throws IOException {
    try (Stream<Path> files = Files.list(out)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void commit_replacesThePreviousSet_andLeavesNoTemporaryFiles() throws Exception {
    Files.writeString(out.resolve("a.json"), "old a");
    try (Workspace workspace = Workspace.open(out)) {
      Files.writeString(workspace.staged("a.json"), "new a");
      Files.writeString(workspace.staged("run_summary.json"), "new summary");
      Files.writeString(workspace.spillFile("x"), "spill");

      workspace.commit(List.of("a.json", "run_summary.json"));

      assertThat(workspace.committed()).isTrue();
    }
    assertThat(listing()).containsExactly("a.json", "run_summary.json");
    assertThat(Files.readString(out.resolve("a.json"))).isEqualTo("new a");
  }

  @Test
  void commit_failingPartWay_putsThePreviousSetBack() throws Exception {
    Files.writeString(out.resolve("a.json"), "old a");
    Files.writeString(out.resolve("b.json"), "old b");
    Files.writeString(out.resolve("run_summary.json"), "old summary");
    try (Workspace workspace = Workspace.open(out)) {
      Files.writeString(workspace.staged("a.json"), "new a");
      // b.json was never staged (its write failed): its move fails after a.json was placed
      Files.writeString(workspace.staged("run_summary.json"), "new summary");

      assertThatThrownBy(() -> workspace.commit(List.of("a.json", "b.json", "run_summary.json")))
          .isInstanceOf(IOException.class);
      assertThat(workspace.committed()).isFalse();
    }
    assertThat(Files.readString(out.resolve("a.json"))).isEqualTo("old a");
    assertThat(Files.readString(out.resolve("b.json"))).isEqualTo("old b");
    assertThat(Files.readString(out.resolve("run_summary.json"))).isEqualTo("old summary");
    assertThat(listing()).containsExactly("a.json", "b.json", "run_summary.json");
  }
}
