package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.cli.CliRun;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import io.awsinventory.sim.SimEstate;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken or hostile server cannot make a run go round for ever. */
class HostileAnswersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path out;

  @Test
  void repeatedPageToken_failsThatTargetAlone() throws Exception {
    String looping = SimEstate.accountId(1);
    SimConfig config =
        new SimConfig().accounts(3).instances(300).repeatingTokenTargets(looping + "/eu-west-1");
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run = SimulatedCollectTest.collect(sim, out, "--resources", "instances");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
      assertThat(run.err())
          .contains(
              "failed: account "
                  + looping
                  + ", eu-west-1, instances: PaginationLoop: DescribeInstances answered a page"
                  + " token it had answered before");
      assertThat(sim.calls("DescribeInstances")).isLessThan(100);
      assertThat(Truth.unhealthyRows(out)).containsExactly(looping + "/eu-west-1/instances");
      Truth.assertHealthyTargetsComplete(
          sim,
          out,
          Truth.unhealthyRows(out),
          java.util.Set.of(io.awsinventory.TestTypes.INSTANCES));
    }
  }

  @Test
  void repeatedOrganizationPageToken_endsTheListing_exit3() throws Exception {
    try (AwsSimulator sim =
        AwsSimulator.start(new SimConfig().accounts(3).repeatingAccountsToken(true))) {
      CliRun run = SimulatedCollectTest.collect(sim, out);

      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
      assertThat(run.err())
          .contains(
              "the organization's account listing failed: ListAccounts answered a page token");
      assertThat(sim.calls("ListAccounts")).isLessThan(10);
      // the accounts of the first page were being reached when the listing failed: nothing of
      // theirs is written
      try (var files = java.nio.file.Files.list(out)) {
        assertThat(files.map(f -> f.getFileName().toString()))
            .noneMatch(name -> name.endsWith(".jsonl") || name.equals("run_summary.json"));
      }
    }
  }

  @Test
  void organizationalUnitThatListsItself_endsTheWalk_exit3() throws Exception {
    try (AwsSimulator sim =
        AwsSimulator.start(new SimConfig().accounts(4).organizationalUnitCycle(true))) {
      String unit = sim.estate().units().get(0).id();
      CliRun run = SimulatedCollectTest.collect(sim, out, "--organizational-unit", unit);

      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
      assertThat(run.err()).contains("the organization lists " + unit + " under two parents");
    }
  }

  @Test
  void summaryRow_ofALoopingTarget_saysWhy() throws Exception {
    String looping = SimEstate.accountId(0);
    SimConfig config =
        new SimConfig().accounts(1).instances(50).repeatingTokenTargets(looping + "/us-east-1");
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      SimulatedCollectTest.collect(sim, out, "--resources", "instances");
    }
    JsonNode targets = JSON.readTree(out.resolve("run_summary.json").toFile()).get("targets");
    boolean found = false;
    for (JsonNode row : targets) {
      if (row.get("region").asText().equals("us-east-1")) {
        assertThat(row.get("status").asText()).isEqualTo("failed");
        assertThat(row.get("errorCode").asText()).isEqualTo("PaginationLoop");
        found = true;
      }
    }
    assertThat(found).isTrue();
  }

  @Test
  void accountIdsThatAreNotAccountIds_arePassedOver_theOthersCollected_exit3() throws Exception {
    SimConfig config = new SimConfig().accounts(3).invalidAccountIds("../../x", "12345");
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run = SimulatedCollectTest.collect(sim, out, "--resources", "instances");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
      assertThat(run.err())
          .contains("failed: the organization listed '../../x', which is not an account id")
          .contains("'12345'");
      Truth.assertHealthyTargetsComplete(
          sim, out, java.util.Set.of(), java.util.Set.of(io.awsinventory.TestTypes.INSTANCES));
    }
    JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
    assertThat(summary.get("rejectedAccounts")).hasSize(2);
    assertThat(out.getParent().resolve("x")).doesNotExist();
  }
}
