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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A region named in {@code --regions} that an account has not enabled is a not-enabled row and a
 * warning; enabled in no account, it makes the run partial. A denied ec2:DescribeRegions is named
 * as such, by collect and by check.
 */
class NamedRegionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  private Map<String, String> coverageStatus() throws Exception {
    Map<String, String> status = new TreeMap<>();
    for (String line : Files.readAllLines(out.resolve("coverage.jsonl"))) {
      JsonNode row = JSON.readTree(line);
      status.put(
          row.get("AccountId").asText() + "/" + row.get("Region").asText(),
          row.get("Status").asText());
    }
    return status;
  }

  @Test
  void aRegionEnabledInSomeAccounts_isNotEnabledForTheOthers_withOneWarning_exit0()
      throws Exception {
    // af-south-1: account 1 opted in, accounts 0 and 2 did not
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(3).instances(90))) {
      CliRun run =
          SimulatedCollectTest.collect(
              sim, out, "--resources", "instances", "--regions", "af-south-1,eu-west-1");

      assertThat(run.exitCode()).as(run.err()).isZero();
      String zero = SimEstate.accountId(0);
      String two = SimEstate.accountId(2);
      assertThat(run.err().lines().filter(l -> l.startsWith("warning: --regions")))
          .containsExactly(
              "warning: --regions: af-south-1 is not enabled in 2 accounts ("
                  + zero
                  + ", "
                  + two
                  + "); nothing was collected there for them");
      Map<String, String> status = coverageStatus();
      assertThat(status.get(zero + "/af-south-1")).isEqualTo("not-enabled");
      assertThat(status.get(SimEstate.accountId(1) + "/af-south-1")).isEqualTo("ok");
      assertThat(status.get(two + "/eu-west-1")).isEqualTo("ok");
    }
  }

  @Test
  void aRegionEnabledNowhere_exits3_namingIt() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(3).instances(90))) {
      CliRun run =
          SimulatedCollectTest.collect(
              sim, out, "--resources", "instances", "--regions", "eu-west-1,ap-east-1");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
      assertThat(run.err())
          .contains("failed: --regions: ap-east-1 is enabled in none of the accounts reached");
      assertThat(coverageStatus().get(SimEstate.accountId(0) + "/ap-east-1"))
          .isEqualTo("not-enabled");
      assertThat(coverageStatus().get(SimEstate.accountId(0) + "/eu-west-1")).isEqualTo("ok");
    }
  }

  @Test
  void describeRegionsDenied_check_namesIt_andSuggestsRegions_notTheTypesActions()
      throws Exception {
    try (AwsSimulator sim =
        AwsSimulator.start(new SimConfig().accounts(2).deniedApis("DescribeRegions"))) {
      List<String> args = sim.commandFromManagement("check");
      args.addAll(List.of("--list-accounts", "--resources", "instances"));

      CliRun run = CliRun.of(args.toArray(String[]::new));

      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(4);
      assertThat(run.out())
          .contains("ec2:DescribeRegions")
          .contains("give --regions")
          .doesNotContain("missing ec2:DescribeInstances");

      List<String> given = sim.commandFromManagement("check");
      given.addAll(
          List.of("--list-accounts", "--resources", "instances", "--regions", "eu-west-1"));
      CliRun withRegions = CliRun.of(given.toArray(String[]::new));

      assertThat(withRegions.exitCode()).as(withRegions.out() + withRegions.err()).isZero();
      assertThat(withRegions.err())
          .contains("warning: ec2:DescribeRegions was denied in account")
          .contains("using the regions given without checking which are enabled");
    }
  }
}
