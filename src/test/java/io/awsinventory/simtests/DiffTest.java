package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.cli.CliRun;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.output.RecordReader;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import io.awsinventory.sim.SimEstate;
import io.awsinventory.sim.SimLicensing;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code diff} between two runs of an estate the simulator moved on in between (instances removed,
 * added, resized, re-licensed): exactly those, from the history database and from the two folders.
 */
class DiffTest {
  @TempDir Path dir;

  @Test
  void theDiff_findsExactlyWhatChanged_fromTheDatabase_andFromFolders() throws Exception {
    String database = "sqlite:" + dir.resolve("history.db");
    Path before = dir.resolve("before");
    Path after = dir.resolve("after");
    SimConfig config = new SimConfig().accounts(2).instances(400).hostsPerTarget(1);
    Map<String, TreeSet<String>> expected = new TreeMap<>();
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      SimEstate estate = sim.estate();
      Map<String, SimLicensing.Plan> plans = new TreeMap<>();
      for (SimEstate.SimAccount account : estate.accounts()) {
        for (String region : estate.enabledRegions(account.id())) {
          for (int i = 0; i < estate.instanceCount(account.id(), region); i++) {
            SimEstate.SimInstance instance = estate.instance(account.id(), region, i);
            plans.put(instance.id(), SimLicensing.plan(instance, i));
          }
        }
      }
      collect(sim, before, database);

      config.generation(1);
      for (String change : List.of("added", "removed", "changed")) {
        expected.put(change, new TreeSet<>());
      }
      for (SimEstate.SimAccount account : estate.accounts()) {
        for (String region : estate.enabledRegions(account.id())) {
          for (int i = 0; i < estate.instanceCount(account.id(), region); i++) {
            String id = estate.instance(account.id(), region, i).id();
            if (i >= estate.firstCount(account.id(), region)) {
              expected.get("added").add(id);
            } else if (estate.removed(account.id(), region, i)) {
              expected.get("removed").add(id);
            } else if (estate.resized(account.id(), region, i)
                || (estate.relicensed(account.id(), region, i)
                    && plans.get(id) == SimLicensing.Plan.WINDOWS_BYOL)) {
              expected.get("changed").add(id);
            }
          }
        }
      }
      collect(sim, after, database);
    }
    assertThat(expected.values()).allSatisfy(ids -> assertThat(ids).isNotEmpty());

    CliRun fromDatabase =
        CliRun.of(
            "diff",
            "--database",
            database,
            "--output-dir",
            dir.resolve("d1").toString(),
            "--format",
            "jsonl");
    assertThat(fromDatabase.exitCode()).as(fromDatabase.err()).isZero();
    assertThat(fromDatabase.err())
        .contains(
            "diff: diff_ec2_instances.jsonl: "
                + expected.get("added").size()
                + " added, "
                + expected.get("removed").size()
                + " removed, "
                + expected.get("changed").size()
                + " changed");
    assertThat(changes(dir.resolve("d1/diff_ec2_instances.jsonl"), OutputFormat.JSONL))
        .isEqualTo(expected);

    CliRun fromFolders =
        CliRun.of(
            "diff",
            "--from-dir",
            before.toString(),
            "--to-dir",
            after.toString(),
            "--output-dir",
            dir.resolve("d2").toString(),
            "--format",
            "csv");
    assertThat(fromFolders.exitCode()).as(fromFolders.err()).isZero();
    assertThat(changes(dir.resolve("d2/diff_ec2_instances.csv"), OutputFormat.CSV))
        .isEqualTo(expected);

    // a config file's output-dir is the later set (section 9), its database unused then
    java.nio.file.Path configFile =
        java.nio.file.Files.writeString(
            dir.resolve("inventory.conf"),
            "output-dir = " + after + "\ndatabase = " + database + "\nformat = jsonl\n");
    CliRun fromConfig =
        CliRun.of(
            "diff",
            "--config",
            configFile.toString(),
            "--from-dir",
            before.toString(),
            "--output-dir",
            dir.resolve("d3").toString());
    assertThat(fromConfig.exitCode()).as(fromConfig.err()).isZero();
    assertThat(changes(dir.resolve("d3/diff_ec2_instances.jsonl"), OutputFormat.JSONL))
        .isEqualTo(expected);
    // without --from-dir the same file means the database's last two runs
    CliRun databaseFromConfig =
        CliRun.of(
            "diff",
            "--config",
            configFile.toString(),
            "--output-dir",
            dir.resolve("d4").toString());
    assertThat(databaseFromConfig.exitCode()).as(databaseFromConfig.err()).isZero();
    assertThat(databaseFromConfig.err()).contains("diff: runs ");
  }

  private static void collect(AwsSimulator sim, Path out, String database) {
    CliRun run =
        SimulatedCollectTest.collect(sim, out, "--resources", "instances", "--database", database);
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  /**
   * Change -> the instance ids of the rows of that change; resized rows name InstanceType first.
   */
  private static Map<String, TreeSet<String>> changes(Path file, OutputFormat format)
      throws Exception {
    Map<String, TreeSet<String>> changes = new TreeMap<>();
    for (String change : List.of("added", "removed", "changed")) {
      changes.put(change, new TreeSet<>());
    }
    boolean licenceFirst = false;
    try (RecordReader rows = RecordReader.open(file, format, Map.of(), "Tags")) {
      for (ObjectNode row = rows.next(); row != null; row = rows.next()) {
        changes.get(row.get("Change").asText()).add(row.get("Key").asText());
        String columns = row.path("ChangedColumns").asText("");
        if (columns.startsWith("InstanceType;Vcpus")
            || columns.startsWith("Products;LicenseIncluded")) {
          licenceFirst = true;
        }
        assertThat(columns).doesNotContain("CollectedAt").doesNotContain("LastSeenAt");
      }
    }
    assertThat(licenceFirst).as("licence columns listed first").isTrue();
    return changes;
  }
}
