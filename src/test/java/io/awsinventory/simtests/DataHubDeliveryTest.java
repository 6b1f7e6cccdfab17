package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.cli.CliRun;
import io.awsinventory.datahub.DataHubDouble;
import io.awsinventory.output.Workspace;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import io.awsinventory.sim.SimEstate;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed set delivered to a Data Hub that follows the documented upload API. */
class DataHubDeliveryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "dh-key-0123456789abcdef";
  private static final String INSTANCES = "6f1c0a52-1111-4b7e-9a51-000000000001";
  private static final String COVERAGE = "6f1c0a52-1111-4b7e-9a51-000000000002";

  @TempDir Path dir;
  private Path out;
  private Path keyFile;

  @BeforeEach
  void keyFile() throws Exception {
    out = dir.resolve("out");
    keyFile = dir.resolve("datahub.key");
    Files.writeString(keyFile, KEY + "\n");
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
  }

  private CliRun collect(AwsSimulator sim, DataHubDouble hub, String... extra) {
    return collect(sim, hub.url(), extra);
  }

  private CliRun collect(AwsSimulator sim, String url, String... extra) {
    List<String> args = new ArrayList<>(List.of("--resources", "instances", "--datahub-url", url));
    args.addAll(List.of("--datahub-task", "ec2_instances=" + INSTANCES + ",coverage=" + COVERAGE));
    args.addAll(List.of("--datahub-api-key-file", keyFile.toString()));
    args.addAll(List.of(extra));
    return SimulatedCollectTest.collectAs("csv", sim, out, args.toArray(String[]::new));
  }

  private CliRun deliver(DataHubDouble hub) {
    return CliRun.of(
        "deliver",
        out.toString(),
        "--datahub-url",
        hub.url(),
        "--datahub-task",
        "ec2_instances=" + INSTANCES + ",coverage=" + COVERAGE,
        "--datahub-api-key-file",
        keyFile.toString());
  }

  private JsonNode delivery() throws Exception {
    return JSON.readTree(out.resolve("delivery.json").toFile());
  }

  @Test
  void aRun_isDelivered_afterTheCommit_fileByFile_theKeyNeverShown() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(2).instances(300));
        DataHubDouble hub = DataHubDouble.start()) {
      hub.task(INSTANCES, "Container", KEY).task(COVERAGE, "Container", KEY);

      CliRun run = collect(sim, hub);

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(hub.task(INSTANCES).rows()).isEqualTo(300);
      assertThat(hub.task(INSTANCES).lastMode()).isEqualTo("replace");
      assertThat(hub.task(INSTANCES).lastFile())
          .isEqualTo(Files.readString(Workspace.currentSet(out).resolve("ec2_instances.csv")));
      assertThat(hub.task(COVERAGE).lastFileName()).isEqualTo("coverage.csv");
      JsonNode delivery = delivery();
      assertThat(delivery.get("uploads").findValuesAsText("result")).containsOnly("ok");
      assertThat(delivery.get("uploads").get(1).get("rows").asLong()).isEqualTo(300);
      assertThat(run.err()).contains("delivered: ec2_instances.csv to task " + INSTANCES);
      assertThat(run.err() + run.out() + Files.readString(out.resolve("delivery.json")))
          .doesNotContain(KEY);
    }
  }

  @Test
  void twoServerErrors_thenOk_isDeliveredOnTheThirdAttempt_aSlowDownOnTheSecond() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1).instances(50));
        DataHubDouble hub = DataHubDouble.start()) {
      hub.task(INSTANCES, "Container", KEY).task(COVERAGE, "Container", KEY);
      hub.fail(INSTANCES, 500, 500).fail(COVERAGE, 429);

      CliRun run = collect(sim, hub, "--datahub-mode", "append");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(hub.task(INSTANCES).rows()).isEqualTo(50);
      assertThat(hub.task(INSTANCES).lastMode()).isEqualTo("append");
      JsonNode upload = delivery().get("uploads").get(1);
      assertThat(upload.get("attempts").asInt()).isEqualTo(3);
      assertThat(upload.get("status").asInt()).isEqualTo(200);
      assertThat(delivery().get("uploads").get(0).get("attempts").asInt()).isEqualTo(2);
      assertThat(hub.task(COVERAGE).uploads()).isEqualTo(1);
    }
  }

  @Test
  void aRefusedKey_andANonContainerTask_exit6_withTheReason_theSetCommitted() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1).instances(50));
        DataHubDouble hub = DataHubDouble.start()) {
      hub.task(INSTANCES, "Import", KEY).task(COVERAGE, "Container", "another-key-000000");

      CliRun run = collect(sim, hub);

      assertThat(run.exitCode()).as(run.err()).isEqualTo(6);
      assertThat(run.err())
          .contains("HTTP 400: task " + INSTANCES + " is not a container task")
          .contains("HTTP 401: the API key was refused for task " + COVERAGE);
      // a 4xx is a configuration error: one attempt each
      assertThat(hub.requests()).hasSize(2);
      assertThat(Files.readAllLines(out.resolve("ec2_instances.csv"))).hasSize(51);
      JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
      assertThat(summary.get("exitCode").asInt()).isZero();
    }
  }

  @Test
  void aDataHubDown_exits6_thenDeliverUploadsWhatFailed_withoutCollecting() throws Exception {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1).instances(80))) {
      CliRun run = collect(sim, "http://127.0.0.1:" + freePort + "/");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(6);
      assertThat(run.err()).contains("the Data Hub could not be reached");
      assertThat(delivery().get("uploads").findValuesAsText("result")).containsOnly("failed");
      assertThat(delivery().get("uploads").get(0).get("attempts").asInt()).isEqualTo(4);
      assertThat(Files.readAllLines(out.resolve("ec2_instances.csv"))).hasSize(81);
      long calls = sim.calls();

      try (DataHubDouble hub = DataHubDouble.start(freePort)) {
        hub.task(INSTANCES, "Container", KEY).task(COVERAGE, "Container", KEY);
        CliRun deliver = deliver(hub);

        assertThat(deliver.exitCode()).as(deliver.err()).isZero();
        assertThat(hub.task(INSTANCES).rows()).isEqualTo(80);
        assertThat(delivery().get("uploads").findValuesAsText("result")).containsOnly("ok");
        assertThat(sim.calls()).isEqualTo(calls);

        // nothing is left: a second deliver uploads nothing
        CliRun again = deliver(hub);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(hub.task(INSTANCES).uploads()).isEqualTo(1);
      }
    }
  }

  @Test
  void deliver_refusesARecordOfASetThatIsNoLongerCurrent() throws Exception {
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1).instances(20))) {
      CliRun failed = collect(sim, "http://127.0.0.1:" + freePort + "/");
      assertThat(failed.exitCode()).as(failed.err()).isEqualTo(6);
      // a later run without delivery commits another set; its delivery.json is the earlier one's
      CliRun later = SimulatedCollectTest.collectAs("csv", sim, out, "--resources", "instances");
      assertThat(later.exitCode()).as(later.err()).isZero();

      try (DataHubDouble hub = DataHubDouble.start()) {
        hub.task(INSTANCES, "Container", KEY).task(COVERAGE, "Container", KEY);
        CliRun deliver = deliver(hub);

        assertThat(deliver.exitCode()).as(deliver.err()).isEqualTo(2);
        assertThat(deliver.err()).contains("which is no longer the current one");
        assertThat(hub.requests()).isEmpty();
      }
    }
  }

  @Test
  void replace_isRefused_forAFileWithATargetNotReadAndNotCarried() throws Exception {
    try (AwsSimulator sim =
            AwsSimulator.start(
                new SimConfig().accounts(2).instances(100).deniedAccounts(SimEstate.accountId(1)));
        DataHubDouble hub = DataHubDouble.start()) {
      hub.task(INSTANCES, "Container", KEY).task(COVERAGE, "Container", KEY);

      // a first run: the denied account has nothing to carry
      CliRun run = collect(sim, hub);

      assertThat(run.exitCode()).as(run.err()).isEqualTo(6);
      assertThat(run.err()).contains("replace would delete the rows of targets that were not read");
      assertThat(hub.task(INSTANCES).uploads()).isZero();
      assertThat(hub.task(COVERAGE).uploads()).isEqualTo(1);
      JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
      assertThat(summary.get("exitCode").asInt()).isEqualTo(3);
    }
  }

  @Test
  void badDataHubOptions_exit2_beforeAnyCall() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1))) {
      for (List<String> bad :
          List.of(
              List.of("--datahub-task", "ec2_instances=x"),
              List.of("--datahub-url", "ftp://hub", "--datahub-task", "ec2_instances=x"),
              List.of("--datahub-url", "http://hub/", "--datahub-task", "ec2_hosts=x"),
              List.of(
                  "--datahub-url",
                  "http://hub/",
                  "--datahub-task",
                  "ec2_instances=x",
                  "--datahub-mode",
                  "merge"),
              List.of(
                  "--datahub-url",
                  "http://hub/",
                  "--datahub-task",
                  "ec2_instances=x",
                  "--format",
                  "jsonl"))) {
        List<String> args = new ArrayList<>(List.of("--resources", "instances"));
        args.addAll(bad);
        args.addAll(List.of("--datahub-api-key-file", keyFile.toString()));
        CliRun run = SimulatedCollectTest.collectAs("csv", sim, out, args.toArray(String[]::new));
        assertThat(run.exitCode()).as(bad + run.err()).isEqualTo(2);
        assertThat(run.err().strip().lines()).as(bad.toString()).hasSize(1);
      }
      assertThat(sim.calls()).isZero();
    }
  }

  @Test
  void check_looksAtEachTask_withoutUploading() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1));
        DataHubDouble hub = DataHubDouble.start()) {
      hub.task(INSTANCES, "Container", KEY);
      List<String> args = sim.commandFromManagement("check");
      args.addAll(
          List.of(
              "--resources",
              "instances",
              "--datahub-url",
              hub.url(),
              "--datahub-task",
              "ec2_instances=" + INSTANCES + ",coverage=" + COVERAGE,
              "--datahub-api-key-file",
              keyFile.toString()));

      CliRun run = CliRun.of(args.toArray(String[]::new));

      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
      assertThat(run.err())
          .contains("datahub ok: ec2_instances -> task " + INSTANCES)
          .contains("datahub failed: coverage -> task " + COVERAGE + ": HTTP 404");
      assertThat(hub.requests()).extracting(DataHubDouble.Request::method).containsOnly("GET");
    }
  }
}
