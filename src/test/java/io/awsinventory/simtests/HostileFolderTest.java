package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.cli.CliRun;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links planted in the output folder never make a run write outside it, and readers have one way to
 * read a set atomically: {@code aws-inventory current DIR}.
 */
class HostileFolderTest {
  @TempDir Path out;
  @TempDir Path elsewhere;

  @Test
  void aLockFileThatIsALink_isRefused_exit2_andItsTargetUntouched() throws Exception {
    Path victim = Files.writeString(elsewhere.resolve("victim.txt"), "precious");
    Files.createSymbolicLink(out.resolve(".aws-inventory.lock"), victim);
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1).instances(5))) {
      CliRun run = SimulatedCollectTest.collect(sim, out);

      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).contains("--output-dir: ").contains(".aws-inventory.lock is a link");
      assertThat(run.err().lines()).hasSize(1);
      assertThat(sim.calls("DescribeInstances")).isZero();
    }
    assertThat(Files.readString(victim)).isEqualTo("precious");
  }

  @Test
  void anOutputNameThatIsALinkElsewhere_isReplacedByTheNewFile_notWrittenThrough()
      throws Exception {
    Path victim = Files.writeString(elsewhere.resolve("passwd"), "root:x:0:0");
    Path planted = out.resolve("ec2_instances.jsonl");
    Files.createSymbolicLink(planted, victim);
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1).instances(5))) {
      CliRun run = SimulatedCollectTest.collect(sim, out);

      assertThat(run.exitCode()).as(run.err()).isZero();
    }
    assertThat(Files.readString(victim)).isEqualTo("root:x:0:0");
    assertThat(Files.readString(planted, StandardCharsets.UTF_8))
        .doesNotContain("root:x")
        .contains("\"InstanceId\"");
    assertThat(Files.readSymbolicLink(planted).toString())
        .isEqualTo(Path.of(".aws-inventory-data", "ec2_instances.jsonl").toString());
  }

  @Test
  void aDataLinkPointingOutside_isRefused_exit2_andNothingIsLinkedThere() throws Exception {
    Files.writeString(out.resolve("run_summary.json"), "{}");
    Files.createSymbolicLink(out.resolve(".aws-inventory-data"), elsewhere);
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1).instances(5))) {
      CliRun run = SimulatedCollectTest.collect(sim, out);

      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.err()).contains("--output-dir: ").contains("not to one of this folder's");
      assertThat(sim.calls("DescribeInstances")).isZero();
    }
    try (var files = Files.list(elsewhere)) {
      assertThat(files).isEmpty();
    }
    CliRun current = CliRun.of("current", out.toString());
    assertThat(current.exitCode()).isEqualTo(2);
  }

  @Test
  void aGenerationNamedLikeTheToolsButALinkOutside_isRefused_exit2() throws Exception {
    Files.createSymbolicLink(out.resolve(".aws-inventory-gen-1"), elsewhere);
    Files.createSymbolicLink(out.resolve(".aws-inventory-data"), Path.of(".aws-inventory-gen-1"));
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1).instances(5))) {
      CliRun run = SimulatedCollectTest.collect(sim, out);

      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(sim.calls("DescribeInstances")).isZero();
    }
    try (var files = Files.list(elsewhere)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aDataLinkWhoseGenerationWasRemovedByHand_isReplacedByTheNextSet() throws Exception {
    Files.createSymbolicLink(out.resolve(".aws-inventory-data"), Path.of(".aws-inventory-gen-9"));
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1).instances(5))) {
      CliRun run = SimulatedCollectTest.collect(sim, out);

      assertThat(run.exitCode()).as(run.err()).isZero();
    }
    assertThat(Files.readString(out.resolve("ec2_instances.jsonl"))).contains("\"InstanceId\"");
  }

  @Test
  void current_printsTheGenerationOfTheSet_whichHoldsOneRunsFiles() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1).instances(5))) {
      assertThat(SimulatedCollectTest.collect(sim, out).exitCode()).isZero();
      CliRun first = CliRun.of("current", out.toString());
      assertThat(SimulatedCollectTest.collect(sim, out).exitCode()).isZero();
      CliRun second = CliRun.of("current", out.toString());

      assertThat(first.exitCode()).as(first.err()).isZero();
      Path firstSet = Path.of(first.out().strip());
      Path secondSet = Path.of(second.out().strip());
      assertThat(firstSet.getParent()).isEqualTo(out.toAbsolutePath());
      assertThat(firstSet.getFileName().toString()).startsWith(".aws-inventory-gen-");
      assertThat(secondSet).isNotEqualTo(firstSet);
      assertThat(Files.readString(secondSet.resolve("run_summary.json")))
          .isEqualTo(Files.readString(out.resolve("run_summary.json")));
    }
  }

  @Test
  void current_ofAFolderWithoutASet_exit2() {
    CliRun run = CliRun.of("current", out.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("holds no committed set");
  }
}
