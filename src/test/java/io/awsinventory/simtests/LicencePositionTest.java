package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.cli.CliRun;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import io.awsinventory.sim.SimEstate;
import io.awsinventory.sim.SimLicensing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code collect --report} on the simulator's licensed estate: the total of every product in {@code
 * licence_position} equals a count made here from the simulator's truth ({@link SimLicensing}),
 * written from the vendors' rules without the report's code.
 */
class LicencePositionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  private static SimConfig estate(int hosts) {
    return new SimConfig()
        .accounts(3)
        .instances(240)
        .hostsPerTarget(hosts)
        .nodesPerTarget(200)
        .applicationsPerNode(2)
        .dbPerTarget(21);
  }

  @Test
  void thePosition_equalsTheTruthsCount_forEveryProduct_withDedicatedHosts() throws Exception {
    check(estate(2));
  }

  @Test
  void thePosition_equalsTheTruthsCount_forEveryProduct_onDedicatedInstances() throws Exception {
    check(estate(0));
  }

  private void check(SimConfig config) throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run =
          SimulatedCollectTest.collect(
              sim,
              out,
              "--resources",
              "instances,db-instances,hosts,managed-nodes,applications",
              "--report",
              "--max-rate",
              "0");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err()).contains("report: licence_instances.jsonl: ");
      Map<String, long[]> expected = truth(sim.estate());
      Map<String, long[]> reported = new TreeMap<>();
      for (String line : Files.readAllLines(out.resolve("licence_position.jsonl"))) {
        JsonNode row = JSON.readTree(line);
        if (row.get("Scope").asText().equals("total")) {
          reported.put(
              key(
                  row.get("Product").asText(),
                  row.get("Edition").asText(),
                  row.get("Metric").asText()),
              new long[] {
                row.get("UnitsRequired").asLong(),
                row.get("Resources").asLong(),
                row.get("NotComputable").asLong(),
                row.get("Flagged").asLong()
              });
        }
      }
      assertThat(reported.keySet()).isEqualTo(expected.keySet());
      for (String product : expected.keySet()) {
        assertThat(reported.get(product))
            .as(product + ": units, resources, not computable, flagged")
            .containsExactly(expected.get(product));
      }
      assertThat(Files.readString(out.resolve("licence_report.html"))).contains("Licence position");
    }
  }

  private static String key(String product, String edition, String metric) {
    return product + " | " + edition + " | " + metric;
  }

  /** Units, resources, not computable and flagged per product, counted from the truth. */
  private static Map<String, long[]> truth(SimEstate estate) {
    Map<String, long[]> count = new TreeMap<>();
    for (SimEstate.SimAccount account : estate.accounts()) {
      for (String region : estate.enabledRegions(account.id())) {
        // per host: the Windows BYOL instances on it, and their SQL Server per-instance figures
        Map<Integer, List<Long>> sqlOnHost = new TreeMap<>();
        Map<Integer, Integer> windowsOnHost = new TreeMap<>();
        for (int i = 0; i < estate.instanceCount(account.id(), region); i++) {
          SimEstate.SimInstance instance = estate.instance(account.id(), region, i);
          if (instance.state().equals("terminated")) {
            continue;
          }
          int[] cpu = cpu(instance, i);
          int vcpus = cpu[0] * cpu[1];
          int host = SimLicensing.host(estate, account.id(), region, i);
          for (String product : SimLicensing.products(estate, account.id(), region, i, true)) {
            String[] p = product.split("\\|", -1);
            boolean included = Boolean.parseBoolean(p[3]);
            String name = p[0];
            String metric = name.equals("Red Hat Enterprise Linux") ? "instance" : "core";
            if (name.equals("Oracle Database")) {
              metric = "processor";
            }
            long[] sums = count.computeIfAbsent(key(name, p[1], metric), k -> new long[4]);
            sums[1]++;
            if (included) {
              continue;
            }
            if (name.equals("Windows Server")) {
              if (host >= 0) {
                windowsOnHost.merge(host, 1, Integer::sum);
              } else {
                sums[2]++; // a Dedicated Instance: its server's cores are unknown
              }
            } else if (name.equals("SQL Server")) {
              long own = Math.max(vcpus, 4);
              if (host >= 0) {
                sqlOnHost.computeIfAbsent(host, h -> new ArrayList<>()).add(own);
              } else {
                sums[0] += own;
              }
            } else if (name.equals("Oracle Database")) {
              sums[0] += cpu[1] == 1 ? vcpus : (vcpus + 1) / 2;
            }
          }
        }
        // a host of 2 processors x 24 cores: every core, at least 8 per processor, 16 per host
        long hostCores = 2L * Math.max(SimLicensing.HOST_CORES / 2, 8);
        for (int host : windowsOnHost.keySet()) {
          count.get(key("Windows Server", "", "core"))[0] += Math.max(hostCores, 16);
        }
        for (List<Long> figures : sqlOnHost.values()) {
          long perInstance = figures.stream().mapToLong(Long::longValue).sum();
          long perHost = 2L * Math.max(SimLicensing.HOST_CORES / 2, 4);
          count.get(key("SQL Server", "Enterprise", "core"))[0] += Math.min(perInstance, perHost);
        }
        for (int i = 0; i < estate.dbCount(account.id(), region); i++) {
          SimLicensing.SimDb db = SimLicensing.db(i);
          String edition = SimLicensing.dbEdition(i);
          if (edition == null) {
            continue;
          }
          boolean oracle = db.engine().startsWith("oracle");
          boolean se2 = edition.equals("Standard Edition 2");
          String name = oracle ? "Oracle Database" : "SQL Server";
          long[] sums =
              count.computeIfAbsent(
                  key(name, edition, !oracle ? "core" : se2 ? "socket" : "processor"),
                  k -> new long[4]);
          sums[1]++;
          if (db.licenseModel().equals("license-included")) {
            continue;
          }
          int[] cpu = SimLicensing.dbCpu(i);
          int vcpus = cpu[0] * cpu[1];
          if (se2) {
            sums[0] += (vcpus + 3) / 4;
            if (vcpus > 8) {
              sums[3]++;
            }
          } else if (oracle) {
            sums[0] += cpu[1] == 1 ? vcpus : (vcpus + 1) / 2;
          } else {
            sums[0] += Math.max(vcpus, 4);
          }
        }
      }
    }
    return count;
  }

  /** The cores and threads per core the instance's row carries. */
  private static int[] cpu(SimEstate.SimInstance instance, int index) {
    if (SimLicensing.answersCpuOptions(index)) {
      SimEstate.SimCpu cpu = SimEstate.cpu(instance, index);
      return new int[] {cpu.cores(), cpu.threadsPerCore()};
    }
    SimEstate.SimType type = SimEstate.typeSpec(instance.type());
    return new int[] {type.cores(), type.threadsPerCore()};
  }
}
