package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.cli.CliRun;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import io.awsinventory.sim.SimEstate;
import io.awsinventory.sim.SimLicensing;
import io.awsinventory.sim.SimStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The licence columns of instance and DB instance rows against the simulator's truth ({@link
 * SimLicensing}): effective CPUs and their source, the Dedicated Host's processors, the operating
 * system of managed nodes, and the products of every instance and DB instance.
 */
class LicenceColumnsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  private static SimConfig estate() {
    return new SimConfig()
        .accounts(2)
        .instances(150)
        .hostsPerTarget(2)
        .nodesPerTarget(120)
        .applicationsPerNode(2)
        .dbPerTarget(14);
  }

  @Test
  void everyInstanceAndDbInstance_showsItsTruth_withEveryTypeCollected() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(estate())) {
      CliRun run =
          SimulatedCollectTest.collect(
              sim, out, "--resources", "instances,db-instances,hosts,managed-nodes,applications");

      assertThat(run.exitCode()).as(run.err()).isZero();
      checkInstances(sim.estate(), true);
      checkDbInstances(sim.estate());
      // types are asked once per type per region for the whole run, not per instance or account
      int regions = sim.estate().config().regions.size();
      assertThat(sim.calls("DescribeInstanceTypes")).isBetween(1L, regions * 8L);
    }
  }

  @Test
  void withoutHostsNodesOrApplications_theirColumnsStayEmpty_andProductsComeFromBilling()
      throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(estate())) {
      CliRun run = SimulatedCollectTest.collect(sim, out, "--resources", "instances,db-instances");

      assertThat(run.exitCode()).as(run.err()).isZero();
      checkInstances(sim.estate(), false);
      assertThat(sim.calls("DescribeHosts")).isZero();
      assertThat(sim.calls("DescribeInstanceInformation")).isZero();
    }
  }

  @Test
  void deniedEnrichment_neverFailsTheInstances_itsOwnRowIsDenied() throws Exception {
    try (AwsSimulator sim =
        AwsSimulator.start(estate().deniedApis("DescribeHosts", "DescribeInstanceTypes"))) {
      CliRun run =
          SimulatedCollectTest.collect(sim, out, "--resources", "instances,db-instances,hosts");

      // the hosts are denied: their own coverage rows say so, and the run is partial
      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
      assertThat(run.err())
          .contains("warning: ec2:DescribeInstanceTypes failed in ")
          .contains("(UnauthorizedOperation)");
      for (JsonNode row : rows("coverage.jsonl")) {
        if (row.get("Status").asText().equals("not-enabled")) {
          continue;
        }
        assertThat(row.get("Status").asText())
            .as(row.toString())
            .isEqualTo(row.get("Resource").asText().equals("hosts") ? "denied" : "ok");
      }
      int unknown = 0;
      for (JsonNode row : rows("ec2_instances.jsonl")) {
        assertThat(row.has("HostSockets")).isFalse();
        if (row.has("CpuOptions")) {
          assertThat(row.get("CpuSource").asText()).isEqualTo("instance");
        } else {
          unknown++;
          assertThat(row.get("CpuSource").asText()).isEqualTo("unknown");
          assertThat(row.has("Vcpus")).isFalse();
        }
      }
      assertThat(unknown).isPositive();
      int instances = 0;
      for (SimEstate.SimAccount account : sim.estate().accounts()) {
        for (String region : sim.estate().enabledRegions(account.id())) {
          instances += sim.estate().instanceCount(account.id(), region);
        }
      }
      assertThat(rows("ec2_instances.jsonl")).hasSize(instances);
    }
  }

  @Test
  void eachTypeIsAskedOncePerRegion_forTheWholeRun_whateverTheInstancesAndAccounts()
      throws Exception {
    try (AwsSimulator sim =
        AwsSimulator.start(estate().accounts(4).instances(6000).recordRequests(true))) {
      assertThat(SimulatedCollectTest.collect(sim, out, "--resources", "instances").exitCode())
          .isZero();

      // every instance type named in any DescribeInstanceTypes call, with how often it was asked
      Map<String, Integer> asked = new HashMap<>();
      long calls = 0;
      for (SimStats.Request request : sim.requests()) {
        if (request.action().equals("DescribeInstanceTypes")) {
          calls++;
          request
              .fields()
              .forEach(
                  (name, value) -> {
                    if (name.startsWith("InstanceType.")) {
                      asked.merge(value, 1, Integer::sum);
                    }
                  });
        }
      }
      java.util.Set<String> enabled = new TreeSet<>();
      for (SimEstate.SimAccount account : sim.estate().accounts()) {
        enabled.addAll(sim.estate().enabledRegions(account.id()));
      }
      int regions = enabled.size();
      assertThat(asked).isNotEmpty();
      // 4 accounts x 2 regions, several pages each: a type asked per page or per account would
      // be asked more often than there are regions
      assertThat(asked.values())
          .allSatisfy(times -> assertThat(times).isLessThanOrEqualTo(regions));
      assertThat(calls).isLessThanOrEqualTo((long) regions * asked.size());
    }
  }

  /** Checks that every instance has one row and that it shows the truth. */
  private void checkInstances(SimEstate estate, boolean everyType) throws Exception {
    Map<String, int[]> index = new HashMap<>();
    Map<String, String[]> where = new HashMap<>();
    for (SimEstate.SimAccount account : estate.accounts()) {
      for (String region : estate.enabledRegions(account.id())) {
        for (int i = 0; i < estate.instanceCount(account.id(), region); i++) {
          String id = estate.instance(account.id(), region, i).id();
          index.put(id, new int[] {i});
          where.put(id, new String[] {account.id(), region});
        }
      }
    }
    int rows = 0;
    int typeDefaults = 0;
    int onHosts = 0;
    for (JsonNode row : rows("ec2_instances.jsonl")) {
      rows++;
      String id = row.get("InstanceId").asText();
      int i = index.get(id)[0];
      String account = where.get(id)[0];
      String region = where.get(id)[1];
      SimEstate.SimInstance instance = estate.instance(account, region, i);
      SimEstate.SimType type = SimEstate.typeSpec(instance.type());
      int vcpus = row.get("Vcpus").asInt();
      assertThat(vcpus)
          .as(id)
          .isEqualTo(row.get("CoreCount").asInt() * row.get("ThreadsPerCore").asInt());
      if (SimLicensing.answersCpuOptions(i)) {
        SimEstate.SimCpu cpu = SimEstate.cpu(instance, i);
        assertThat(row.get("CpuSource").asText()).as(id).isEqualTo("instance");
        assertThat(row.get("CoreCount").asInt()).as(id).isEqualTo(cpu.cores());
        assertThat(row.get("ThreadsPerCore").asInt()).as(id).isEqualTo(cpu.threadsPerCore());
      } else {
        typeDefaults++;
        assertThat(row.get("CpuSource").asText()).as(id).isEqualTo("type-default");
        assertThat(vcpus).as(id).isEqualTo(type.vcpus());
      }
      int host = SimLicensing.host(estate, account, region, i);
      if (host >= 0) {
        onHosts++;
        assertThat(row.get("Tenancy").asText()).as(id).isEqualTo("host");
        assertThat(row.get("HostId").asText())
            .as(id)
            .isEqualTo(estate.hostId(account, region, host));
        if (everyType) {
          assertThat(row.get("HostSockets").asInt()).isEqualTo(SimLicensing.HOST_SOCKETS);
          assertThat(row.get("HostCores").asInt()).isEqualTo(SimLicensing.HOST_CORES);
        } else {
          assertThat(row.has("HostSockets")).as(id).isFalse();
        }
      } else {
        assertThat(row.has("HostId")).as(id).isFalse();
        assertThat(row.get("Tenancy").asText()).as(id).isIn("default", "dedicated");
      }
      boolean managed = everyType && SimLicensing.managed(estate, account, region, i);
      assertThat(row.has("ComputerName")).as(id).isEqualTo(managed);
      if (managed) {
        boolean windows = SimLicensing.plan(instance, i).windows();
        assertThat(row.get("OsName").asText().startsWith("Microsoft Windows")).isEqualTo(windows);
      }
      assertThat(products(row))
          .as(id)
          .isEqualTo(new TreeSet<>(SimLicensing.products(estate, account, region, i, everyType)));
    }
    assertThat(typeDefaults).as("instances answered without CpuOptions").isPositive();
    assertThat(onHosts).as("instances on Dedicated Hosts").isPositive();
    assertThat(rows).isEqualTo(index.size());
  }

  private void checkDbInstances(SimEstate estate) throws Exception {
    int expectedRows = 0;
    for (SimEstate.SimAccount account : estate.accounts()) {
      for (String region : estate.enabledRegions(account.id())) {
        expectedRows += estate.dbCount(account.id(), region);
      }
    }
    int rows = 0;
    for (JsonNode row : rows("rds_db_instances.jsonl")) {
      rows++;
      String id = row.get("DBInstanceIdentifier").asText();
      int i = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
      SimLicensing.SimDb db = SimLicensing.db(i);
      String edition = SimLicensing.dbEdition(i);
      int[] cpu = SimLicensing.dbCpu(i);
      if (cpu == null) {
        assertThat(row.get("CpuSource").asText()).as(id).isEqualTo("unknown");
        assertThat(row.has("Vcpus")).as(id).isFalse();
      } else {
        assertThat(row.get("CoreCount").asInt()).as(id).isEqualTo(cpu[0]);
        assertThat(row.get("ThreadsPerCore").asInt()).as(id).isEqualTo(cpu[1]);
        assertThat(row.get("Vcpus").asInt()).as(id).isEqualTo(cpu[0] * cpu[1]);
        assertThat(row.get("CpuSource").asText())
            .as(id)
            .isEqualTo(db.featureCores() != null ? "instance" : "type-default");
      }
      List<String> expected = new ArrayList<>();
      if (edition == null) {
        assertThat(row.has("Edition")).as(id).isFalse();
      } else {
        assertThat(row.get("Edition").asText()).as(id).isEqualTo(edition);
        String product = db.engine().startsWith("oracle") ? "Oracle Database" : "SQL Server";
        expected.add(
            product
                + "|"
                + edition
                + "|rds-engine|"
                + db.licenseModel().equals("license-included"));
      }
      assertThat(products(row)).as(id).isEqualTo(new TreeSet<>(expected));
    }
    assertThat(rows).isEqualTo(expectedRows).isPositive();
  }

  private static TreeSet<String> products(JsonNode row) {
    TreeSet<String> products = new TreeSet<>();
    for (JsonNode p : row.get("Products")) {
      products.add(
          p.get("Product").asText()
              + "|"
              + p.get("Edition").asText()
              + "|"
              + p.get("Source").asText()
              + "|"
              + p.get("LicenseIncluded").asBoolean());
    }
    return products;
  }

  private List<JsonNode> rows(String file) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve(file))) {
      rows.add(JSON.readTree(line));
    }
    return rows;
  }
}
