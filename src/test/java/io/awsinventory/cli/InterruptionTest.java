package io.awsinventory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.output.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptionTest {
  @TempDir Path out;

  @Test
  void signal_beforeTheSwap_is130_afterIt_is0() throws Exception {
    try (Workspace workspace = Workspace.open(out)) {
      assertThat(Interruption.exitCodeOnSignal(workspace::awaitCommitted)).isEqualTo(130);
      Files.writeString(workspace.staged("run_summary.json"), "{}");
      workspace.commit(List.of("run_summary.json"), List.of());
      assertThat(Interruption.exitCodeOnSignal(workspace::awaitCommitted)).isZero();
    }
  }
}
