package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.TestTypes;
import io.awsinventory.cli.CliRun;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import io.awsinventory.sim.SimEstate;
import io.awsinventory.sim.SimStats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector against the simulator, healthy and under each fault on its own. */
class SimulatedCollectTest {
  private static final Set<ResourceType> ALL = TestTypes.DEFAULTS;
  @TempDir Path out;

  static CliRun collect(AwsSimulator sim, Path out, String... extra) {
    return collectAs("jsonl", sim, out, extra);
  }

  static CliRun collectAs(String format, AwsSimulator sim, Path out, String... extra) {
    List<String> args = sim.commandFromManagement("collect");
    args.addAll(
        List.of("--list-accounts", "--format", format, "--output-dir", out.toString(), "--quiet"));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void collect_organization_matchesTheGroundTruth() throws Exception {
    SimConfig config =
        new SimConfig().accounts(5).suspendedEvery(4).instances(5000).dbPerTarget(130);
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run = collect(sim, out);

      assertThat(run.exitCode()).as(run.err()).isZero();
      Truth.assertHealthyTargetsComplete(sim, out, Set.of(), ALL);
      JsonNode summary = new ObjectMapper().readTree(out.resolve("run_summary.json").toFile());
      assertThat(summary.get("accounts").findValuesAsText("status"))
          .containsExactly("ok", "ok", "ok", "ok", "skipped");
      assertThat(sim.calls("DescribeInstances")).isGreaterThan(8);
      long targets =
          sim.estate().accounts().stream()
              .filter(SimEstate.SimAccount::active)
              .mapToLong(a -> sim.estate().enabledRegions(a.id()).size())
              .sum();
      // 130 DB instances per target: two pages of at most 100
      assertThat(sim.calls("DescribeDBInstances")).isEqualTo(targets * 2);
    }
  }

  @Test
  void collect_organization_reachesAccountsWhileTheListingGoesOn() throws Exception {
    // 45 accounts: three pages; the second is answered once a member role has been assumed
    SimConfig config =
        new SimConfig()
            .accounts(45)
            .regions("eu-west-1")
            .instances(90)
            .recordRequests(true)
            .holdListingForRoles(Duration.ofSeconds(20));
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run = collect(sim, out);

      assertThat(run.exitCode()).as(run.err()).isZero();
      List<String> actions = sim.requests().stream().map(SimStats.Request::action).toList();
      assertThat(actions.indexOf("AssumeRole"))
          .as("a member reached before the last page")
          .isLessThan(actions.lastIndexOf("ListAccounts"));
      assertThat(actions.stream().filter("ListAccounts"::equals)).hasSize(3);
      Truth.assertHealthyTargetsComplete(sim, out, Set.of(), ALL);
      JsonNode summary = new ObjectMapper().readTree(out.resolve("run_summary.json").toFile());
      assertThat(summary.get("accounts")).hasSize(45);
    }
  }

  @Test
  void collect_shard_waitsForTheWholeListing() throws Exception {
    // a shard is a slice of the sorted list: no account is reached before the last page
    SimConfig config =
        new SimConfig()
            .accounts(30)
            .regions("eu-west-1")
            .instances(30)
            .recordRequests(true)
            .holdListingForRoles(Duration.ofMillis(300));
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run = collect(sim, out, "--shard", "2/3", "--resources", "reserved-instances");

      assertThat(run.exitCode()).as(run.err()).isZero();
      List<String> actions = sim.requests().stream().map(SimStats.Request::action).toList();
      assertThat(actions.indexOf("AssumeRole")).isGreaterThan(actions.lastIndexOf("ListAccounts"));
      JsonNode summary = new ObjectMapper().readTree(out.resolve("run_summary.json").toFile());
      assertThat(summary.get("accounts")).hasSize(10);
    }
  }

  @Test
  void collect_throttlingStorm_isRiddenOut_nothingLost() throws Exception {
    SimConfig config =
        new SimConfig()
            .accounts(1)
            .regions("eu-west-1")
            .instances(6000)
            .imagesPerTarget(1500)
            // a refill of one call a second throttles however slowly the machine runs the calls
            .buckets(1, 1);
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run = collect(sim, out, "--resources", "instances,images");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(sim.throttled()).isPositive();
      Truth.assertHealthyTargetsComplete(
          sim, out, Set.of(), Set.of(TestTypes.INSTANCES, TestTypes.IMAGES));
    }
  }

  @Test
  void collect_serverErrors_areRetried_nothingLost() throws Exception {
    SimConfig config = new SimConfig().accounts(3).instances(3000).serverErrorRate(0.2);
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run = collect(sim, out);

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(sim.serverErrors()).isPositive();
      Truth.assertHealthyTargetsComplete(sim, out, Set.of(), ALL);
    }
  }

  @Test
  void collect_hangingRegion_isCutByTheTimeout_andIsolated() throws Exception {
    SimConfig config =
        new SimConfig().accounts(2).hangingRegions("eu-west-1").hangFor(Duration.ofSeconds(30));
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run = collect(sim, out, "--timeout", "1", "--resources", "instances,db-instances");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
      Set<String> expected = new TreeSet<>();
      for (SimEstate.SimAccount account : sim.estate().accounts()) {
        expected.add(account.id() + "/eu-west-1/instances");
        expected.add(account.id() + "/eu-west-1/db-instances");
      }
      Set<String> unhealthy = Truth.unhealthyRows(out);
      assertThat(unhealthy).isEqualTo(expected);
      Truth.assertHealthyTargetsComplete(
          sim, out, unhealthy, Set.of(TestTypes.INSTANCES, TestTypes.DB_INSTANCES));
      assertThat(run.err()).contains("ApiCallAttemptTimeoutException");
    }
  }

  @Test
  void collect_deniedAccountAndApi_areDeniedInTheSummary_restComplete() throws Exception {
    String denied = SimEstate.accountId(2);
    SimConfig config =
        new SimConfig().accounts(3).deniedAccounts(denied).deniedApis("DescribeReservedInstances");
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run = collect(sim, out);

      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
      Set<String> expected = new TreeSet<>();
      for (SimEstate.SimAccount account : sim.estate().accounts()) {
        if (account.id().equals(denied)) {
          // denied everything, DescribeRegions included: one row per resource for all its regions
          ALL.forEach(t -> expected.add(account.id() + "/*/" + t.name()));
          continue;
        }
        for (String region : sim.estate().enabledRegions(account.id())) {
          expected.add(account.id() + "/" + region + "/reserved-instances");
        }
      }
      Set<String> unhealthy = Truth.unhealthyRows(out);
      assertThat(unhealthy).isEqualTo(expected);
      // the denied account's rows name the call that was denied, not each type's own action
      assertThat(run.err().lines().filter(l -> l.contains("account " + denied)))
          .isNotEmpty()
          .noneMatch(l -> l.contains("(missing "));
      Truth.assertHealthyTargetsComplete(sim, out, unhealthy, ALL);
    }
  }

  @Test
  void collect_sessionsExpiringThreeTimesOver_areRenewed_nothingLost() throws Exception {
    Duration lifetime = Duration.ofSeconds(2);
    SimConfig config =
        new SimConfig()
            .accounts(3)
            .tokenLifetime(lifetime)
            .latency(Duration.ofMillis(250), Duration.ZERO);
    long start = System.nanoTime();
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run =
          collect(
              sim,
              out,
              "--concurrency",
              "1",
              "--assume-role-arn",
              "arn:aws:iam::" + sim.estate().managementId() + ":role/inventory");

      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(elapsed).isGreaterThan(lifetime.multipliedBy(3));
      assertThat(sim.expiredRejections()).isZero();
      assertThat(sim.stats().get("assumeRoles").asInt()).isGreaterThan(3);
      Truth.assertHealthyTargetsComplete(sim, out, Set.of(), ALL);
    }
  }

  @Test
  void collect_enabledRegionsDifferPerAccount_eachAccountsOwnAreCollected() throws Exception {
    SimConfig config = new SimConfig().accounts(4).notOptedInRegions("af-south-1", "me-south-1");
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run = collect(sim, out, "--resources", "instances");

      assertThat(run.exitCode()).as(run.err()).isZero();
      // account 1 opted into af-south-1; the others have not, and are skipped there
      JsonNode summary = new ObjectMapper().readTree(out.resolve("run_summary.json").toFile());
      Set<String> collectedInAfrica = new TreeSet<>();
      for (JsonNode row : summary.get("targets")) {
        if (row.get("region").asText().equals("af-south-1")
            && row.get("status").asText().equals("ok")) {
          collectedInAfrica.add(row.get("accountId").asText());
        }
      }
      assertThat(collectedInAfrica).containsExactly(SimEstate.accountId(1));
      Truth.assertHealthyTargetsComplete(sim, out, Set.of(), Set.of(TestTypes.INSTANCES));
    }
  }

  @Test
  void collect_shards_coverTheOrganizationExactlyOnce(@TempDir Path root) throws Exception {
    SimConfig config = new SimConfig().accounts(7).suspendedEvery(5);
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      Set<String> union = new TreeSet<>();
      int total = 0;
      for (int shard = 1; shard <= 3; shard++) {
        Path dir = root.resolve("shard-" + shard);
        CliRun run = collect(sim, dir, "--shard", shard + "/3", "--resources", "instances");
        assertThat(run.exitCode()).as(run.err()).isZero();
        for (JsonNode account :
            new ObjectMapper().readTree(dir.resolve("run_summary.json").toFile()).get("accounts")) {
          if (account.get("status").asText().equals("ok")) {
            union.add(account.get("accountId").asText());
            total++;
          }
        }
      }
      Set<String> active = new TreeSet<>();
      sim.estate().accounts().stream()
          .filter(SimEstate.SimAccount::active)
          .forEach(a -> active.add(a.id()));
      assertThat(union).isEqualTo(active);
      assertThat(total).isEqualTo(active.size());
    }
  }
}
