package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.TestTypes;
import io.awsinventory.cli.CliRun;
import io.awsinventory.collect.ResourceTypes;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import io.awsinventory.sim.SimEstate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The licence data (hosts, instance types, reserved DB instances, installed software, License
 * Manager usage) against the simulator's organization: complete, paginated, and through denials,
 * throttling and services that were never set up.
 */
class LicenceDataTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  private static List<JsonNode> records(Path out, String stem) throws Exception {
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve(stem + ".jsonl"))) {
      records.add(JSON.readTree(line));
    }
    return records;
  }

  private static String target(JsonNode record) {
    return record.get("AccountId").asText() + "/" + record.get("Region").asText();
  }

  private static List<String> activeTargets(AwsSimulator sim) {
    List<String> targets = new ArrayList<>();
    for (SimEstate.SimAccount account : sim.estate().accounts()) {
      if (account.active()) {
        sim.estate().enabledRegions(account.id()).forEach(r -> targets.add(account.id() + "/" + r));
      }
    }
    return targets;
  }

  @Test
  void resourcesAll_collectsEveryTypeOfTheOrganization_complete() throws Exception {
    SimConfig config =
        new SimConfig()
            .accounts(3)
            .instances(120)
            .hostsPerTarget(3)
            .reservedDbPerTarget(2)
            .nodesPerTarget(6)
            .applicationsPerNode(61)
            .licenseConfigurationsPerTarget(3);
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run = SimulatedCollectTest.collect(sim, out, "--resources", "all");

      assertThat(run.exitCode()).as(run.err()).isZero();
      for (var type : ResourceTypes.all()) {
        assertThat(out.resolve(type.fileStem() + ".jsonl")).exists();
      }
      Truth.assertHealthyTargetsComplete(
          sim,
          out,
          Set.of(),
          Set.of(
              TestTypes.named("hosts"),
              TestTypes.named("reserved-db-instances"),
              TestTypes.INSTANCES,
              TestTypes.IMAGES));
      List<String> targets = activeTargets(sim);

      // instance types: exactly the types of each target's instances
      Map<String, Set<String>> typesInUse = new TreeMap<>();
      for (JsonNode instance : records(out, "ec2_instances")) {
        typesInUse
            .computeIfAbsent(target(instance), k -> new TreeSet<>())
            .add(instance.get("InstanceType").asText());
      }
      Map<String, Set<String>> typesFound = new TreeMap<>();
      for (JsonNode type : records(out, "ec2_instance_types")) {
        assertThat(type.at("/VCpuInfo/DefaultCores").asInt()).isPositive();
        typesFound
            .computeIfAbsent(target(type), k -> new TreeSet<>())
            .add(type.get("InstanceType").asText());
      }
      assertThat(typesFound).isEqualTo(typesInUse);

      // installed software: every application of every node, more than one page each
      List<JsonNode> applications = records(out, "ssm_applications");
      // 61 generic entries per node, and the licensable software of the BYOL instances' plans
      int entries = 0;
      for (String target : targets) {
        String[] accountRegion = target.split("/");
        for (int i = 0; i < 6; i++) {
          String node = sim.estate().nodeId(accountRegion[0], accountRegion[1], i);
          entries += sim.estate().nodeApplications(accountRegion[0], accountRegion[1], node).size();
        }
      }
      assertThat(entries).isGreaterThan(targets.size() * 6 * 61);
      assertThat(applications).hasSize(entries);
      assertThat(applications)
          .filteredOn(a -> a.get("Name").asText().equals(SimEstate.AWKWARD_APPLICATION))
          .hasSize(targets.size() * 6);
      assertThat(applications).anyMatch(a -> a.get("InstanceId").asText().startsWith("mi-"));
      assertThat(sim.calls("ListInventoryEntries")).isEqualTo(targets.size() * 6 * 2L);

      // License Manager: a row per configuration x resource, the unused configuration once
      List<JsonNode> usage = records(out, "license_manager_usage");
      assertThat(usage).hasSize(targets.size() * (2 + 2 + 1));
      assertThat(usage).filteredOn(u -> !u.has("ResourceArn")).hasSize(targets.size());
      assertThat(usage)
          .filteredOn(u -> u.has("ResourceArn"))
          .allMatch(u -> u.get("ResourceConsumedLicenses").asInt() == 1)
          .allMatch(u -> u.get("AssociationTime").asText().startsWith("2024-06-07T"));

      // licence columns on instances, from the billing code
      for (JsonNode instance : records(out, "ec2_instances")) {
        String expected =
            switch (instance.get("UsageOperation").asText()) {
              case "RunInstances:0002" -> "Windows Server";
              case "RunInstances:0006" -> "Windows Server; SQL Server Standard";
              case "RunInstances:0010" -> "Red Hat Enterprise Linux";
              default -> "";
            };
        assertThat(instance.get("LicenseIncluded").asText()).isEqualTo(expected);
        assertThat(instance.get("Byol").asBoolean())
            .isEqualTo(instance.get("UsageOperation").asText().equals("RunInstances:0800"));
      }
    }
  }

  @Test
  void deniedThrottledAndNotSetUp_areReportedApart_restComplete() throws Exception {
    String notSetUp = SimEstate.accountId(1);
    SimConfig config =
        new SimConfig()
            .accounts(3)
            .nodesPerTarget(3)
            .applicationsPerNode(4)
            .notSetUpAccounts(notSetUp)
            .deniedApis("ListUsageForLicenseConfiguration")
            .buckets(2, 20);
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run =
          SimulatedCollectTest.collect(sim, out, "--resources", "applications,license-usage,hosts");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
      JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
      Map<String, String> statuses = new TreeMap<>();
      for (JsonNode row : summary.get("targets")) {
        statuses.put(
            row.get("accountId").asText()
                + "/"
                + row.get("region").asText()
                + "/"
                + row.get("resource").asText(),
            row.get("status").asText()
                + (row.hasNonNull("errorCode") ? ":" + row.get("errorCode").asText() : ""));
      }
      for (String target : activeTargets(sim)) {
        boolean isNotSetUp = target.startsWith(notSetUp + "/");
        assertThat(statuses.get(target + "/applications")).as(target).isEqualTo("ok");
        assertThat(statuses.get(target + "/hosts")).as(target).isEqualTo("ok");
        assertThat(statuses.get(target + "/license-usage"))
            .as(target)
            .isEqualTo(isNotSetUp ? "ok" : "denied:AccessDeniedException");
      }
      List<JsonNode> applications = records(out, "ssm_applications");
      int setUpTargets =
          (int) activeTargets(sim).stream().filter(t -> !t.startsWith(notSetUp + "/")).count();
      assertThat(applications).hasSize(setUpTargets * 3 * 4);
      assertThat(applications).noneMatch(a -> a.get("AccountId").asText().equals(notSetUp));
      assertThat(sim.throttled()).as("the throttling was felt").isPositive();
    }
  }

  @Test
  void inventorySync_givesTheSameApplicationsAsTheApi_readFromOneBucket() throws Exception {
    SimConfig config =
        new SimConfig()
            .accounts(3)
            .nodesPerTarget(4)
            .applicationsPerNode(5)
            .syncBucket("inventory-sync", "org/sync")
            .recordRequests(true);
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      Path api = out.resolve("api");
      Path sync = out.resolve("sync");
      CliRun viaApi = SimulatedCollectTest.collect(sim, api, "--resources", "applications");
      long ssmCalls = sim.calls("ListInventoryEntries");
      CliRun viaSync =
          SimulatedCollectTest.collect(
              sim,
              sync,
              "--resources",
              "applications",
              "--inventory-sync",
              "s3://inventory-sync/org/sync/");

      assertThat(viaApi.exitCode()).as(viaApi.err()).isZero();
      assertThat(viaSync.exitCode()).as(viaSync.err()).isZero();
      assertThat(sim.calls("ListInventoryEntries"))
          .as("no SSM call with a sync")
          .isEqualTo(ssmCalls);
      assertThat(sim.calls("HeadBucket")).isEqualTo(1);
      assertThat(sim.calls("GetObject")).isEqualTo(activeTargets(sim).size() * 4L);
      assertThat(withoutTime(records(sync, "ssm_applications")))
          .isNotEmpty()
          .containsExactlyElementsOf(withoutTime(records(api, "ssm_applications")));
      JsonNode summary = JSON.readTree(sync.resolve("run_summary.json").toFile());
      assertThat(summary.at("/options/inventory-sync").asText())
          .isEqualTo("s3://inventory-sync/org/sync");
    }
  }

  @Test
  void inventorySync_missingBucket_failsTheApplicationsRowsOnly() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(2))) {
      CliRun run =
          SimulatedCollectTest.collect(
              sim, out, "--resources", "instances,applications", "--inventory-sync", "s3://nope");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
      JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
      for (JsonNode row : summary.get("targets")) {
        if (row.get("status").asText().equals("not-enabled")) {
          continue; // a region the account has not opted into
        }
        assertThat(row.get("status").asText())
            .as(row.toString())
            .isEqualTo(row.get("resource").asText().equals("instances") ? "ok" : "failed");
      }
      assertThat(sim.calls("HeadBucket")).isEqualTo(1);
      assertThat(records(out, "ec2_instances")).isNotEmpty();
    }
  }

  private static List<String> withoutTime(List<JsonNode> records) {
    return records.stream()
        .map(
            r -> {
              var copy = r.deepCopy();
              ((com.fasterxml.jackson.databind.node.ObjectNode) copy)
                  .remove(java.util.List.of("CollectedAt", "LastSeenAt"));
              return copy.toString();
            })
        .toList();
  }
}
