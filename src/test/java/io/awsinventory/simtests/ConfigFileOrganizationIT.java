package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import io.awsinventory.sim.SimEstate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A config file alone drives an organization-wide run: the command line holds only {@code
 * --config}; the file names the keys, a role chain with an external id, the OU filter and the
 * member role template, the format, the folder and the log file.
 */
class ConfigFileOrganizationIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void collect_withOnlyAConfigFile_collectsEveryActiveAccountUnderTheOu() throws Exception {
    SimConfig config =
        new SimConfig().accounts(9).organizationalUnits(3).suspendedEvery(4).instances(900);
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      SimEstate estate = sim.estate();
      String ou = largestUnit(estate);
      Set<String> underOu = accountsUnder(estate, ou);
      String management = estate.managementId();
      Path file =
          Files.writeString(
              dir.resolve("organization.conf"),
              String.join(
                  "\n",
                  "# organization-wide, as config-samples/organization.conf",
                  "endpoint-url = " + sim.endpoint(),
                  "access-key-id = " + SimEstate.accessKeyOf(management),
                  "secret-access-key = simulated-secret-in-a-private-file",
                  "assume-role-arn = arn:aws:iam::" + management + ":role/InventoryOrgReader",
                  "external-id = org-wide-external-id",
                  "list-accounts = true",
                  "organizational-unit = " + ou,
                  "member-role-arn = arn:{partition}:iam::{accountId}:role/InventoryReader",
                  "resources = instances,db-instances",
                  "format = jsonl",
                  "tag-columns = Name",
                  "output-dir = " + dir.resolve("out"),
                  "log-file = " + dir.resolve("collect.log"),
                  ""));
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

      JarRun run = JarRun.start(List.of("collect", "--config", file.toString()));

      assertThat(run.waitFor()).as(run.err()).isZero();
      JsonNode summary = JSON.readTree(dir.resolve("out/run_summary.json").toFile());
      Map<String, String> statusById = new TreeMap<>();
      summary
          .get("accounts")
          .forEach(a -> statusById.put(a.get("accountId").asText(), a.get("status").asText()));
      assertThat(statusById.keySet()).isEqualTo(underOu);
      Map<String, Integer> expected = new TreeMap<>();
      for (String id : underOu) {
        SimEstate.SimAccount account = estate.account(id);
        assertThat(statusById.get(id)).isEqualTo(account.active() ? "ok" : "skipped");
        if (account.active()) {
          for (String region : estate.enabledRegions(id)) {
            expected.merge(id, estate.instanceCount(id, region), Integer::sum);
          }
        }
      }
      Map<String, Integer> found = new TreeMap<>();
      for (String line : Files.readAllLines(dir.resolve("out/ec2_instances.jsonl"))) {
        found.merge(JSON.readTree(line).get("AccountId").asText(), 1, Integer::sum);
      }
      expected.values().removeIf(n -> n == 0);
      assertThat(found).isEqualTo(expected);
      assertThat(summary.get("options").get("organizational-unit").get(0).asText()).isEqualTo(ou);
      assertThat(summary.get("identities").get(1).get("roleArn").asText())
          .endsWith(":role/InventoryOrgReader");
      String log = Files.readString(dir.resolve("collect.log"));
      // the log holds every line stderr had, each behind its time, between the run's own lines
      assertThat(log).contains("collected ");
      for (String line : run.err().strip().split("\n")) {
        assertThat(log).contains(line.strip());
      }
      assertThat(log).doesNotContain("simulated-secret-in-a-private-file");
    }
  }

  /** The OU whose subtree holds the most accounts. */
  private static String largestUnit(SimEstate estate) {
    String best = null;
    int most = -1;
    for (SimEstate.SimOu unit : estate.units()) {
      int size = accountsUnder(estate, unit.id()).size();
      if (unit.parentId() != null && size > most) {
        best = unit.id();
        most = size;
      }
    }
    assertThat(most).as("an OU with accounts").isPositive();
    return best;
  }

  private static Set<String> accountsUnder(SimEstate estate, String unitId) {
    Set<String> units = new HashSet<>(Set.of(unitId));
    boolean grew = true;
    while (grew) {
      grew = false;
      for (SimEstate.SimOu unit : estate.units()) {
        if (unit.parentId() != null && units.contains(unit.parentId()) && units.add(unit.id())) {
          grew = true;
        }
      }
    }
    Set<String> accounts = new TreeSet<>();
    for (SimEstate.SimAccount account : estate.accounts()) {
      if (units.contains(account.parentId())) {
        accounts.add(account.id());
      }
    }
    return accounts;
  }
}
