package io.awsinventory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.output.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InterruptionTest {
  @TempDir Path out;

  @Test
  void signal_beforeTheSwap_is130_afterIt_theCollectionsCode() throws Exception {
    try (Workspace workspace = Workspace.open(out)) {
      Supplier<OptionalInt> partialOnceInPlace =
          () -> workspace.awaitCommitted() ? OptionalInt.of(3) : OptionalInt.empty();
      assertThat(Interruption.exitCodeOnSignal(partialOnceInPlace)).isEqualTo(130);
      Files.writeString(workspace.staged("run_summary.json"), "{}");
      workspace.commit(List.of("run_summary.json"), List.of());
      assertThat(Interruption.exitCodeOnSignal(partialOnceInPlace)).isEqualTo(3);
    }
  }
}
