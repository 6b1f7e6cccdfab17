package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.cli.CliRun;
import io.awsinventory.output.Workspace;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder holds exactly one run's set, written by one run at a time. */
class OutputFolderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path out;

  private List<String> listing() throws Exception {
    try (Stream<Path> files = Files.list(out)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith(".") || name.equals(Workspace.LOCK_FILE))
          .sorted()
          .toList();
    }
  }

  @Test
  void collect_jsonAfterCsv_removesTheCsvSet_namesItInTheSummary_andKeepsOtherFiles()
      throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(2))) {
      assertThat(SimulatedCollectTest.collectAs("csv", sim, out).exitCode()).isZero();
      Files.writeString(out.resolve("README.txt"), "the operator's notes");

      CliRun run = SimulatedCollectTest.collectAs("json", sim, out, "--resources", "instances");

      assertThat(run.exitCode()).as(run.err()).isZero();
    }
    assertThat(listing())
        .containsExactly(
            Workspace.LOCK_FILE,
            "README.txt",
            "coverage.json",
            "ec2_instances.json",
            "run_summary.json");
    JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
    assertThat(summary.get("removedFiles"))
        .extracting(JsonNode::asText)
        .containsExactly(
            "coverage.csv",
            "ec2_images.csv",
            "ec2_instances.csv",
            "ec2_reserved_instances.csv",
            "rds_db_instances.csv");
  }

  @Test
  void collect_whileAnotherRunHoldsTheFolder_exits2AtOnceNamingItsPid() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(2))) {
      Path lockFile = out.resolve(Workspace.LOCK_FILE);
      Files.writeString(lockFile, "4242\n");
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
          FileLock held = channel.lock()) {
        CliRun run = SimulatedCollectTest.collect(sim, out);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
            .isEqualTo("aws-inventory: --output-dir: another run (pid 4242) is writing to " + out);
        assertThat(sim.calls()).isZero();
      }
      assertThat(SimulatedCollectTest.collect(sim, out).exitCode()).isZero();
    }
  }
}
