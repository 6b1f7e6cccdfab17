package io.awsinventory.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.cli.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dedicated Hosts, instance types and installed software read from a Resource Data Sync, against
 * moto.
 */
class LicenceMotoIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LicenceSeed seed;

  @TempDir Path out;

  @BeforeAll
  static void seed() throws Exception {
    seed = SeededMoto.licence();
  }

  private CliRun collect(String... extra) {
    List<String> args = new ArrayList<>();
    if (!List.of(extra).contains("--format")) {
      args.addAll(List.of("--format", "json"));
    }
    args.addAll(
        List.of(
            "--home-region",
            "us-east-1",
            "--regions",
            String.join(",", LicenceSeed.REGIONS),
            "--output-dir",
            out.toString(),
            "--quiet"));
    args.addAll(List.of(extra));
    return CliRun.of("collect", MotoSeed.reach(), args.toArray(String[]::new));
  }

  private JsonNode file(String name) throws Exception {
    return JSON.readTree(out.resolve(name).toFile());
  }

  private static Map<String, Set<String>> byRegion(JsonNode records, String member) {
    Map<String, Set<String>> values = new TreeMap<>();
    for (JsonNode record : records) {
      values
          .computeIfAbsent(record.get("Region").asText(), k -> new TreeSet<>())
          .add(record.get(member).asText());
    }
    return values;
  }

  @Test
  void instanceRows_carryTheCpusOfTheirType_theirHost_andTheirProducts() throws Exception {
    CliRun run = collect("--resources", "instances,hosts,instance-types", "--format", "jsonl");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, JsonNode> types = new TreeMap<>();
    for (JsonNode type : lines("ec2_instance_types.jsonl")) {
      types.put(type.get("Region").asText() + "/" + type.get("InstanceType").asText(), type);
    }
    List<JsonNode> instances = lines("ec2_instances.jsonl");
    assertThat(instances).hasSize(LicenceSeed.REGIONS.size() * 4);
    for (JsonNode instance : instances) {
      String id = instance.get("InstanceId").asText();
      // moto answers no CpuOptions: the defaults of the type, as moto describes it
      JsonNode vcpu =
          types
              .get(instance.get("Region").asText() + "/" + instance.get("InstanceType").asText())
              .get("VCpuInfo");
      assertThat(instance.has("CpuOptions")).as(id).isFalse();
      assertThat(instance.get("CpuSource").asText()).as(id).isEqualTo("type-default");
      assertThat(instance.get("Vcpus").asInt()).as(id).isEqualTo(vcpu.get("DefaultVCpus").asInt());
      assertThat(instance.get("CoreCount").asInt())
          .as(id)
          .isEqualTo(vcpu.get("DefaultCores").asInt());
      assertThat(instance.get("Vcpus").asInt())
          .isEqualTo(instance.get("CoreCount").asInt() * instance.get("ThreadsPerCore").asInt());
      assertThat(instance.get("Products").isArray()).as(id).isTrue();
      String[] placed = seed.placedOnHost.get(instance.get("Region").asText());
      if (id.equals(placed[0])) {
        assertThat(instance.get("HostId").asText()).isEqualTo(placed[1]);
      } else {
        assertThat(instance.has("HostId")).as(id).isFalse();
      }
    }
    assertThat(instances).filteredOn(i -> i.has("HostId")).hasSize(LicenceSeed.REGIONS.size());
  }

  private List<JsonNode> lines(String name) throws Exception {
    List<JsonNode> records = new ArrayList<>();
    for (String line : java.nio.file.Files.readAllLines(out.resolve(name))) {
      records.add(JSON.readTree(line));
    }
    return records;
  }

  @Test
  void hostsAndInstanceTypes_areTheAllocatedHostsAndTheTypesInUse() throws Exception {
    CliRun run = collect("--resources", "hosts,instance-types");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode hosts = file("ec2_hosts.json");
    assertThat(byRegion(hosts, "HostId")).isEqualTo(seed.hostIdsByRegion);
    assertThat(hosts)
        .allMatch(h -> h.at("/HostProperties/InstanceType").asText().equals("m5.large"));
    JsonNode types = file("ec2_instance_types.json");
    assertThat(byRegion(types, "InstanceType")).isEqualTo(seed.instanceTypesByRegion);
    assertThat(types).allMatch(t -> t.at("/VCpuInfo/DefaultVCpus").asInt() > 0);
    // the instance types come from the instances, which are not written without being asked for
    assertThat(out.resolve("ec2_instances.json")).doesNotExist();
  }

  @Test
  void inventorySync_keepsTheAccountsAndRegionsInScope_namesIntact() throws Exception {
    CliRun run =
        collect(
            "--resources",
            "applications",
            "--inventory-sync",
            "s3://" + LicenceSeed.BUCKET + "/" + LicenceSeed.PREFIX);

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode applications = file("ssm_applications.json");
    Map<String, List<String>> found = new TreeMap<>();
    for (JsonNode record : applications) {
      assertThat(record.get("AccountId").asText()).isEqualTo(MotoSeed.ACCOUNT_ID);
      found
          .computeIfAbsent(
              record.get("Region").asText() + "/" + record.get("InstanceId").asText(),
              k -> new ArrayList<>())
          .add(record.get("Name").asText());
    }
    found.values().forEach(names -> names.sort(null));
    Map<String, List<String>> expected = new TreeMap<>();
    seed.syncedApplications.forEach(
        (node, names) -> {
          List<String> sorted = new ArrayList<>(names);
          sorted.sort(null);
          expected.put(node, sorted);
        });
    assertThat(found).isEqualTo(expected);
    assertThat(applications).anyMatch(a -> a.get("Name").asText().equals(LicenceSeed.AWKWARD_NAME));
  }

  @Test
  void inventorySync_asCsv_keepsTheAwkwardNameInOneCell() throws Exception {
    CliRun run =
        collect(
            "--resources",
            "applications",
            "--inventory-sync",
            "s3://" + LicenceSeed.BUCKET + "/" + LicenceSeed.PREFIX,
            "--format",
            "csv");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<Map<String, String>> rows = CollectMotoIT.readCsv(out.resolve("ssm_applications.csv"));
    assertThat(rows).hasSize(2 * 2 * 3);
    assertThat(rows).filteredOn(r -> r.get("Name").equals(LicenceSeed.AWKWARD_NAME)).hasSize(4);
  }
}
