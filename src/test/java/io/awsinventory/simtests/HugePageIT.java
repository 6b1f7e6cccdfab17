package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that ignores the page size and sends 150,000 instances in one answer, to a collector
 * with a 256 MB heap: that target fails alone, the others are collected.
 */
class HugePageIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void oneAnswerLargerThanTheHeap_failsThatTargetAlone_exit3() throws Exception {
    SimConfig config =
        new SimConfig()
            .accounts(1)
            .regions("eu-west-1", "us-east-1")
            .notOptedInRegions(new String[0])
            .instances(220_000);
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      String account = sim.estate().managementId();
      String huge =
          sim.estate().instanceCount(account, "eu-west-1")
                  > sim.estate().instanceCount(account, "us-east-1")
              ? "eu-west-1"
              : "us-east-1";
      String other = huge.equals("eu-west-1") ? "us-east-1" : "eu-west-1";
      assertThat(sim.estate().instanceCount(account, huge)).isGreaterThan(140_000);
      sim.config().unpagedTargets(account + "/" + huge);
      List<String> args = sim.commandFromManagement("collect");
      args.addAll(
          List.of(
              "--resources",
              "instances",
              "--format",
              "jsonl",
              "--concurrency",
              "1",
              "--output-dir",
              dir.resolve("out").toString()));

      JarRun run = JarRun.start(List.of("-Xmx256m"), args, Map.of());

      assertThat(run.waitFor()).as(run.err()).isEqualTo(3);
      assertThat(run.err())
          .contains("failed: account " + account + ", " + huge + ", instances: OutOfMemory");
      JsonNode summary = JSON.readTree(dir.resolve("out/run_summary.json").toFile());
      for (JsonNode row : summary.get("targets")) {
        String region = row.get("region").asText();
        assertThat(row.get("status").asText())
            .as(region)
            .isEqualTo(region.equals(other) ? "ok" : "failed");
      }
      assertThat(Truth.unhealthyRows(dir.resolve("out")))
          .containsExactly(account + "/" + huge + "/instances");
    }
  }
}
