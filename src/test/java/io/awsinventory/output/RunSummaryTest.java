package io.awsinventory.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.Secrets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSummaryTest {
  @TempDir Path dir;

  @Test
  void write_masksARegisteredSecret_whateverFieldHoldsIt() throws Exception {
    String secret = "summary-secret-" + System.nanoTime();
    Secrets.register(secret);
    RunSummary summary = new RunSummary("0.1.0", Instant.EPOCH, Map.of("note", "x" + secret));
    summary.target(
        new RunSummary.TargetRow(
            "123456789012", null, "eu-west-1", "instances", "failed", 0, 0, 1, "Echo", secret));

    summary.write(dir.resolve("run_summary.json"));

    String text = Files.readString(dir.resolve("run_summary.json"));
    assertThat(text).doesNotContain(secret).contains("****");
  }
}
