package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.cli.CliRun;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import io.awsinventory.sim.SimEstate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scope that comes to nothing is a failure a scheduler sees (exit 3, or 2 when the options alone
 * say so), and it keeps the previous set of files; an account the organization does not list is a
 * failed row.
 */
class EmptyScopeTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NOT_IN_ORG = "111111111111";

  @TempDir Path out;
  private Map<String, String> previous;

  /** A good set from an earlier run, as a scheduler leaves it. */
  @BeforeEach
  void previousRun() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(2))) {
      assertThat(SimulatedCollectTest.collect(sim, out).exitCode()).isZero();
    }
    previous = snapshot();
    assertThat(previous).containsKey("ec2_instances.jsonl");
  }

  private Map<String, String> snapshot() throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(out)) {
      for (Path file : list.toList()) {
        String name = file.getFileName().toString();
        if (!name.startsWith(".")) {
          files.put(name, Files.isDirectory(file) ? "<dir>" : Files.readString(file));
        }
      }
    }
    return files;
  }

  @Test
  void collect_accountFilterMatchingNothing_exits3AndKeepsThePreviousSet() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(3))) {
      CliRun run = SimulatedCollectTest.collect(sim, out, "--accounts", NOT_IN_ORG);

      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
      assertThat(run.err().strip())
          .isEqualTo(
              "aws-inventory: nothing to collect: account "
                  + NOT_IN_ORG
                  + " is not in the organization; the files of the previous run are unchanged");
    }
    assertThat(snapshot()).isEqualTo(previous);
  }

  @Test
  void collect_onlySuspendedAccountsInScope_exits3AndKeepsThePreviousSet() throws Exception {
    SimConfig config = new SimConfig().accounts(4).suspendedEvery(2);
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      String suspended = SimEstate.accountId(2);
      assertThat(sim.estate().account(suspended).active()).isFalse();

      CliRun run = SimulatedCollectTest.collect(sim, out, "--accounts", suspended);

      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
      assertThat(run.err())
          .contains("nothing to collect: account " + suspended + ": account is SUSPENDED");
    }
    assertThat(snapshot()).isEqualTo(previous);
  }

  @Test
  void collect_oneAccountNotInTheOrganization_isANotFoundRow_theOthersAreCollected()
      throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(3))) {
      String member = SimEstate.accountId(1);
      CliRun run =
          SimulatedCollectTest.collect(
              sim, out, "--accounts", member + "," + NOT_IN_ORG, "--resources", "instances");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    }
    JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
    List<JsonNode> rows = new java.util.ArrayList<>();
    summary
        .get("targets")
        .forEach(
            row -> {
              if (row.get("accountId").asText().equals(NOT_IN_ORG)) {
                rows.add(row);
              }
            });
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("status").asText()).isEqualTo("not-found");
    assertThat(rows.get(0).get("errorCode").asText()).isEqualTo("not-found");
    assertThat(Files.readAllLines(out.resolve("ec2_instances.jsonl"))).isNotEmpty();
  }

  @Test
  void collect_accountsAllExcluded_exits2BeforeAnyCall() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(3))) {
      String member = SimEstate.accountId(1);
      CliRun run =
          SimulatedCollectTest.collect(
              sim, out, "--accounts", member, "--exclude-accounts", member);

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("--exclude-accounts: excludes every account of --accounts");
      assertThat(sim.calls()).isZero();
    }
    assertThat(snapshot()).isEqualTo(previous);
  }

  @Test
  void check_noAccountInScope_exits4() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(3))) {
      List<String> args = sim.commandFromManagement("check");
      args.addAll(List.of("--list-accounts", "--accounts", NOT_IN_ORG));

      CliRun run = CliRun.of(args.toArray(String[]::new));

      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(4);
      assertThat(run.out()).contains(NOT_IN_ORG).contains("not-found");
    }
  }
}
