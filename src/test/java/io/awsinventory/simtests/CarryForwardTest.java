package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.cli.CliRun;
import io.awsinventory.output.Workspace;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import io.awsinventory.sim.SimEstate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target that cannot be read keeps its previous records in the files, marked stale, so an import
 * that replaces its data never takes a failure for a decommission; the coverage file says which.
 */
class CarryForwardTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  private static List<JsonNode> records(Path out, String file) throws Exception {
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve(file))) {
      records.add(JSON.readTree(line));
    }
    return records;
  }

  /** "account/region/id" of the records of {@code file}, with their Stale flag. */
  private static Map<String, Boolean> staleById(Path out, String file, String idMember)
      throws Exception {
    Map<String, Boolean> byId = new TreeMap<>();
    for (JsonNode record : records(out, file)) {
      String key =
          record.get("AccountId").asText()
              + "/"
              + record.get("Region").asText()
              + "/"
              + record.get(idMember).asText();
      assertThat(byId.put(key, record.get("Stale").asBoolean())).as("key " + key).isNull();
    }
    return byId;
  }

  private static Map<String, JsonNode> coverage(Path out, String resource) throws Exception {
    Map<String, JsonNode> rows = new TreeMap<>();
    for (JsonNode row : records(out, "coverage.jsonl")) {
      if (row.get("Resource").asText().equals(resource)) {
        rows.put(row.get("AccountId").asText() + "/" + row.get("Region").asText(), row);
      }
    }
    return rows;
  }

  private static Set<String> ofAccount(Map<String, Boolean> byId, String accountId) {
    return byId.keySet().stream()
        .filter(k -> k.startsWith(accountId + "/"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void theFirstRun_writesCoverage_withNothingCarried_andFreshRecords() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(2).instances(300))) {
      CliRun run = SimulatedCollectTest.collect(sim, out, "--resources", "instances");

      assertThat(run.exitCode()).as(run.err()).isZero();
      Map<String, JsonNode> rows = coverage(out, "instances");
      assertThat(rows).isNotEmpty();
      long records = 0;
      for (JsonNode row : rows.values()) {
        assertThat(row.get("CarriedRecords").asLong()).isZero();
        if (row.get("Status").asText().equals("ok")) {
          records += row.get("Records").asLong();
          assertThat(row.get("LastOkAt").asText()).isNotEmpty();
        } else {
          assertThat(row.get("Status").asText()).isEqualTo("not-enabled");
          assertThat(row.has("LastOkAt")).isFalse();
        }
      }
      List<JsonNode> instances = records(out, "ec2_instances.jsonl");
      assertThat(instances).hasSize((int) records).hasSize(300);
      for (JsonNode record : instances) {
        assertThat(record.get("Stale").asBoolean()).isFalse();
        assertThat(record.get("LastSeenAt")).isEqualTo(record.get("CollectedAt"));
      }
    }
  }

  @Test
  void aDeniedAccount_keepsItsRecordsStale_inEveryRegion_untilTheWindowIsZero() throws Exception {
    String member = SimEstate.accountId(1);
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(3).instances(600))) {
      CliRun first = SimulatedCollectTest.collect(sim, out, "--resources", "instances,images");
      assertThat(first.exitCode()).as(first.err()).isZero();
      Map<String, Boolean> before = staleById(out, "ec2_instances.jsonl", "InstanceId");
      Map<String, String> collectedAt = new TreeMap<>();
      for (JsonNode r : records(out, "ec2_instances.jsonl")) {
        collectedAt.put(r.get("InstanceId").asText(), r.get("CollectedAt").asText());
      }
      Set<String> memberRecords = ofAccount(before, member);
      assertThat(memberRecords).isNotEmpty();

      // every call in the account is denied: its regions cannot even be listed
      sim.config().deniedAccounts(member);
      CliRun second = SimulatedCollectTest.collect(sim, out, "--resources", "instances,images");

      assertThat(second.exitCode()).as(second.err()).isEqualTo(3);
      Map<String, Boolean> after = staleById(out, "ec2_instances.jsonl", "InstanceId");
      assertThat(after.keySet()).isEqualTo(before.keySet());
      after.forEach(
          (key, stale) -> assertThat(stale).as(key).isEqualTo(key.startsWith(member + "/")));
      for (JsonNode r : records(out, "ec2_instances.jsonl")) {
        if (r.get("AccountId").asText().equals(member)) {
          // when the record was last read, kept as that run wrote it
          assertThat(r.get("LastSeenAt").asText())
              .isEqualTo(collectedAt.get(r.get("InstanceId").asText()));
        }
      }
      Map<String, JsonNode> rows = coverage(out, "instances");
      long carried = 0;
      for (var row : rows.entrySet()) {
        if (row.getKey().startsWith(member + "/")) {
          assertThat(row.getValue().get("Status").asText()).isEqualTo("denied");
          assertThat(row.getValue().get("Error").asText()).startsWith("UnauthorizedOperation: ");
          assertThat(row.getValue().get("LastOkAt").asText()).isNotEmpty();
          carried += row.getValue().get("CarriedRecords").asLong();
        }
      }
      assertThat(carried).isEqualTo(memberRecords.size());
      // a row per region the account's records were carried from
      assertThat(rows.keySet().stream().filter(k -> k.startsWith(member + "/")))
          .containsExactlyElementsOf(
              memberRecords.stream()
                  .map(k -> k.substring(0, k.lastIndexOf('/')))
                  .collect(Collectors.toCollection(TreeSet::new)));
      JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
      assertThat(summary.get("files").get(0).get("carriedRecords").asLong())
          .isEqualTo(memberRecords.size());

      CliRun third =
          SimulatedCollectTest.collect(
              sim, out, "--resources", "instances,images", "--carry-forward-days", "0");

      assertThat(third.exitCode()).as(third.err()).isEqualTo(3);
      assertThat(ofAccount(staleById(out, "ec2_instances.jsonl", "InstanceId"), member)).isEmpty();
      for (var row : coverage(out, "instances").entrySet()) {
        assertThat(row.getValue().get("CarriedRecords").asLong()).isZero();
      }
    }
  }

  @Test
  void aDeniedApi_keepsTheHostsStale_theOtherTypesFresh() throws Exception {
    try (AwsSimulator sim =
        AwsSimulator.start(new SimConfig().accounts(2).instances(200).hostsPerTarget(3))) {
      CliRun first = SimulatedCollectTest.collect(sim, out, "--resources", "instances,hosts");
      assertThat(first.exitCode()).as(first.err()).isZero();
      Map<String, Boolean> hostsBefore = staleById(out, "ec2_hosts.jsonl", "HostId");
      assertThat(hostsBefore).isNotEmpty();

      sim.config().deniedApis("DescribeHosts");
      CliRun second = SimulatedCollectTest.collect(sim, out, "--resources", "instances,hosts");

      assertThat(second.exitCode()).as(second.err()).isEqualTo(3);
      Map<String, Boolean> hostsAfter = staleById(out, "ec2_hosts.jsonl", "HostId");
      assertThat(hostsAfter.keySet()).isEqualTo(hostsBefore.keySet());
      assertThat(hostsAfter.values()).containsOnly(true);
      assertThat(staleById(out, "ec2_instances.jsonl", "InstanceId").values()).containsOnly(false);
      for (JsonNode row : coverage(out, "hosts").values()) {
        if (!row.get("Status").asText().equals("not-enabled")) {
          assertThat(row.get("Status").asText()).isEqualTo("denied");
          assertThat(row.get("Records").asLong()).isZero();
          assertThat(row.get("CarriedRecords").asLong()).isEqualTo(3);
        }
      }
      assertThat(second.err()).contains("carried: hosts: ");
    }
  }

  @Test
  void aHungRegion_keepsThatRegionsRecordsStale() throws Exception {
    String member = SimEstate.accountId(1);
    SimConfig config = new SimConfig().accounts(2).instances(400).hangFor(Duration.ofSeconds(30));
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun first = SimulatedCollectTest.collect(sim, out, "--resources", "instances");
      assertThat(first.exitCode()).as(first.err()).isZero();
      Map<String, Boolean> before = staleById(out, "ec2_instances.jsonl", "InstanceId");
      Set<String> hungRecords =
          before.keySet().stream()
              .filter(k -> k.startsWith(member + "/eu-west-1/"))
              .collect(Collectors.toSet());
      assertThat(hungRecords).isNotEmpty();

      sim.config().hangingRegions(member + "/eu-west-1");
      CliRun second =
          SimulatedCollectTest.collect(sim, out, "--resources", "instances", "--timeout", "1");

      assertThat(second.exitCode()).as(second.err()).isEqualTo(3);
      Map<String, Boolean> after = staleById(out, "ec2_instances.jsonl", "InstanceId");
      assertThat(after.keySet()).isEqualTo(before.keySet());
      after.forEach((key, stale) -> assertThat(stale).as(key).isEqualTo(hungRecords.contains(key)));
      JsonNode row = coverage(out, "instances").get(member + "/eu-west-1");
      assertThat(row.get("Status").asText()).isEqualTo("failed");
      assertThat(row.get("CarriedRecords").asLong()).isEqualTo(hungRecords.size());
    }
  }

  @Test
  void recordsFromACsvSet_areCarriedIntoJsonLines_asTheyWereRead() throws Exception {
    String member = SimEstate.accountId(1);
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(2).instances(200))) {
      Path reference = out.resolveSibling(out.getFileName() + "-reference");
      CliRun jsonl = SimulatedCollectTest.collect(sim, reference, "--resources", "instances");
      assertThat(jsonl.exitCode()).as(jsonl.err()).isZero();
      CliRun csv = SimulatedCollectTest.collectAs("csv", sim, out, "--resources", "instances");
      assertThat(csv.exitCode()).as(csv.err()).isZero();

      sim.config().deniedAccounts(member);
      CliRun carried = SimulatedCollectTest.collect(sim, out, "--resources", "instances");

      assertThat(carried.exitCode()).as(carried.err()).isEqualTo(3);
      Map<String, JsonNode> read = new TreeMap<>();
      for (JsonNode r : records(reference, "ec2_instances.jsonl")) {
        read.put(r.get("InstanceId").asText(), r);
      }
      int compared = 0;
      for (JsonNode r : records(out, "ec2_instances.jsonl")) {
        if (!r.get("AccountId").asText().equals(member)) {
          continue;
        }
        JsonNode original = read.get(r.get("InstanceId").asText());
        assertThat(r.get("Stale").asBoolean()).isTrue();
        // every member a CSV column holds comes back with its type and nesting
        for (String member2 : List.of("InstanceType", "LaunchTime", "ImageId")) {
          assertThat(r.get(member2)).as(member2).isEqualTo(original.get(member2));
        }
        // a CSV file holds tags as one object, by key: their order in the answer is not kept
        assertThat(r.get("Tags")).containsExactlyInAnyOrderElementsOf(original.get("Tags"));
        assertThat(r.at("/State/Name")).isEqualTo(original.at("/State/Name"));
        assertThat(r.at("/CpuOptions/CoreCount")).isEqualTo(original.at("/CpuOptions/CoreCount"));
        assertThat(r.get("CoreCount")).isEqualTo(original.get("CoreCount"));
        assertThat(r.get("CoreCount").isInt()).isTrue();
        // the products list comes back from its CSV cell as the list of objects it was
        assertThat(r.get("Products")).isEqualTo(original.get("Products"));
        assertThat(r.get("SecurityGroups")).isEqualTo(original.get("SecurityGroups"));
        compared++;
      }
      assertThat(compared).isGreaterThan(0);
    }
  }

  @Test
  void aCsvSetWithEscapedFormulas_carriesNothing_andTheSummarySaysWhy() throws Exception {
    String member = SimEstate.accountId(1);
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(2).instances(100))) {
      CliRun csv =
          SimulatedCollectTest.collectAs(
              "csv", sim, out, "--resources", "instances", "--csv-escape-formulas");
      assertThat(csv.exitCode()).as(csv.err()).isZero();

      sim.config().deniedAccounts(member);
      CliRun second = SimulatedCollectTest.collect(sim, out, "--resources", "instances");

      assertThat(second.exitCode()).as(second.err()).isEqualTo(3);
      assertThat(ofAccount(staleById(out, "ec2_instances.jsonl", "InstanceId"), member)).isEmpty();
      JsonNode file = JSON.readTree(out.resolve("run_summary.json").toFile()).get("files").get(0);
      assertThat(file.get("notCarried").asText())
          .startsWith("nothing was carried from the previous ec2_instances.csv: ")
          .contains("--csv-escape-formulas");
      assertThat(second.err()).contains("warning: instances: nothing was carried");
    }
  }

  @Test
  void aPreviousFileOutOfOrder_carriesNothing_andTheSummarySaysWhy() throws Exception {
    String member = SimEstate.accountId(1);
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(2).instances(100))) {
      CliRun first = SimulatedCollectTest.collect(sim, out, "--resources", "instances");
      assertThat(first.exitCode()).as(first.err()).isZero();
      // one of the member's records moved to the end, after another target's records
      Path file = Workspace.currentSet(out).resolve("ec2_instances.jsonl");
      List<String> lines = new ArrayList<>(Files.readAllLines(file));
      int at = 0;
      while (!lines.get(at).contains("\"AccountId\":\"" + member + "\"")) {
        at++;
      }
      lines.add(lines.remove(at));
      Files.write(file, lines);

      sim.config().deniedAccounts(member);
      CliRun second = SimulatedCollectTest.collect(sim, out, "--resources", "instances");

      assertThat(second.exitCode()).as(second.err()).isEqualTo(3);
      assertThat(ofAccount(staleById(out, "ec2_instances.jsonl", "InstanceId"), member)).isEmpty();
      JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
      assertThat(summary.get("files").get(0).get("notCarried").asText())
          .contains("its records of account " + member)
          .contains("are not together");
    }
  }

  @Test
  void aRecordLastSeenBeforeTheWindow_isDropped_andCounted() throws Exception {
    String member = SimEstate.accountId(1);
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(2).instances(100))) {
      CliRun first = SimulatedCollectTest.collect(sim, out, "--resources", "instances");
      assertThat(first.exitCode()).as(first.err()).isZero();
      // the member's records as a run of ten days ago left them
      Path set = Workspace.currentSet(out);
      Path file = set.resolve("ec2_instances.jsonl");
      String old = Instant.now().minus(Duration.ofDays(10)).toString();
      List<String> aged = new ArrayList<>();
      int agedCount = 0;
      for (String line : Files.readAllLines(file)) {
        ObjectNode r = (ObjectNode) JSON.readTree(line);
        if (r.get("AccountId").asText().equals(member)) {
          r.put("LastSeenAt", old);
          agedCount++;
        }
        aged.add(JSON.writeValueAsString(r));
      }
      Files.write(file, aged);

      sim.config().deniedAccounts(member);
      CliRun second = SimulatedCollectTest.collect(sim, out, "--resources", "instances");

      assertThat(second.exitCode()).as(second.err()).isEqualTo(3);
      assertThat(ofAccount(staleById(out, "ec2_instances.jsonl", "InstanceId"), member)).isEmpty();
      JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
      assertThat(summary.get("files").get(0).get("expiredRecords").asInt()).isEqualTo(agedCount);
      assertThat(second.err()).contains(agedCount + " last read before the carry window dropped");
    }
  }
}
