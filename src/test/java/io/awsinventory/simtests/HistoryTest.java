package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.cli.CliRun;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code collect --database sqlite:…}, {@code history} and {@code load} on the simulator, against a
 * real SQLite file: runs appended after the commit, the latest snapshot equal to the last set, a
 * locked database costing the append and never the files, and nothing half-written.
 */
class HistoryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static SimConfig estate() {
    return new SimConfig().accounts(2).instances(80).dbPerTarget(7).hostsPerTarget(1);
  }

  private CliRun collect(AwsSimulator sim, Path out, String... extra) {
    List<String> args = new ArrayList<>(List.of("--resources", "instances,db-instances,hosts"));
    args.addAll(List.of(extra));
    return SimulatedCollectTest.collect(sim, out, args.toArray(String[]::new));
  }

  private String database() {
    return "sqlite:" + dir.resolve("history.db");
  }

  @Test
  void twoRuns_areListed_andTheLatestSnapshotIsTheLastSet() throws Exception {
    Path out = dir.resolve("out");
    try (AwsSimulator sim = AwsSimulator.start(estate())) {
      for (int run = 0; run < 2; run++) {
        CliRun collect = collect(sim, out, "--database", database());
        assertThat(collect.exitCode()).as(collect.err()).isZero();
        assertThat(collect.err()).contains("database: appended run ");
      }
    }

    CliRun history = CliRun.of("history", "--database", database());
    assertThat(history.exitCode()).as(history.err()).isZero();
    List<String> runIds = runIds();
    assertThat(runIds).hasSize(2);
    assertThat(history.out()).contains(runIds.get(0)).contains(runIds.get(1));
    assertThat(history.out()).contains("ec2_instances " + lines(out, "ec2_instances.jsonl").size());

    // latest_ec2_instances: the last set's file, row for row
    Map<String, JsonNode> file = new TreeMap<>();
    for (JsonNode row : lines(out, "ec2_instances.jsonl")) {
      file.put(row.get("InstanceId").asText(), row);
    }
    Map<String, JsonNode> latest = new TreeMap<>();
    try (Connection db = DriverManager.getConnection("jdbc:" + database());
        Statement query = db.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT instance_id, run_id, vcpus, record FROM latest_ec2_instances")) {
      while (rows.next()) {
        assertThat(rows.getString(2)).isEqualTo(runIds.get(1));
        JsonNode record = JSON.readTree(rows.getString(4));
        assertThat(rows.getObject(3) == null ? null : rows.getInt(3))
            .isEqualTo(record.has("Vcpus") ? record.get("Vcpus").asInt() : null);
        latest.put(rows.getString(1), record);
      }
    }
    assertThat(latest).isEqualTo(file).isNotEmpty();

    // the README's audit query: the SQL Server instances of the last run on or before a day
    long sqlServer =
        file.values().stream()
            .filter(r -> r.get("Products").toString().contains("SQL Server"))
            .count();
    try (Connection db = DriverManager.getConnection("jdbc:" + database());
        Statement query = db.createStatement();
        ResultSet rows = query.executeQuery(readmeQuery().replace("2026-11-30", "2999-12-31"))) {
      long found = 0;
      while (rows.next()) {
        found++;
      }
      assertThat(found).isEqualTo(sqlServer).isPositive();
    }
  }

  /** The SQL example of the README's "History and audits" section. */
  static String readmeQuery() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int start = readme.indexOf("```sql\n", readme.indexOf("## History and audits")) + 7;
    return readme
        .substring(start, readme.indexOf("```", start))
        .replaceAll("--[^\n]*", "")
        .strip()
        .replaceAll(";$", "");
  }

  @Test
  void aTargetTheLastRunCouldNotRead_showsItsLastGoodRows_flaggedStale() throws Exception {
    Path out = dir.resolve("out");
    List<String> runs = new ArrayList<>();
    for (SimConfig config : List.of(estate(), estate().deniedRegions("us-east-1"))) {
      try (AwsSimulator sim = AwsSimulator.start(config)) {
        CliRun collect = collect(sim, out, "--database", database());
        assertThat(collect.exitCode()).as(collect.err()).isIn(0, 3);
      }
    }
    runs.addAll(runIds());
    assertThat(runs).hasSize(2);

    Map<String, String> fileRegion = new TreeMap<>();
    for (JsonNode row : lines(out, "ec2_instances.jsonl")) {
      fileRegion.put(row.get("InstanceId").asText(), row.get("Region").asText());
    }
    Map<String, String> latestRegion = new TreeMap<>();
    try (Connection db = DriverManager.getConnection("jdbc:" + database());
        Statement query = db.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT instance_id, region, run_id, stale FROM latest_ec2_instances")) {
      while (rows.next()) {
        boolean denied = rows.getString(2).equals("us-east-1");
        assertThat(rows.getString(3)).isEqualTo(runs.get(denied ? 0 : 1));
        assertThat(rows.getBoolean(4)).as(rows.getString(1)).isEqualTo(denied);
        latestRegion.put(rows.getString(1), rows.getString(2));
      }
    }
    assertThat(latestRegion).isEqualTo(fileRegion).containsValue("us-east-1");
  }

  @Test
  void keepRuns_keepsTheNewest_andLoad_refusesARunTwice_andBackFillsAnother() throws Exception {
    Path out = dir.resolve("out");
    try (AwsSimulator sim = AwsSimulator.start(estate())) {
      for (int run = 0; run < 3; run++) {
        assertThat(collect(sim, out, "--database", database(), "--keep-runs", "2").exitCode())
            .isZero();
      }
    }
    assertThat(runIds()).hasSize(2);

    CliRun again = CliRun.of("load", out.toString(), "--database", database());
    assertThat(again.exitCode()).isEqualTo(2);
    assertThat(again.err()).contains("is in the database already");

    String other = "sqlite:" + dir.resolve("other.db");
    CliRun load = CliRun.of("load", out.toString(), "--database", other);
    assertThat(load.exitCode()).as(load.err()).isZero();
    assertThat(load.err()).contains("database: appended run ");
  }

  @Test
  void aLockedDatabase_costsTheAppend_neverTheFiles_andLoadBackFillsIt() throws Exception {
    Path out = dir.resolve("out");
    // the database exists, and another process holds its write lock throughout the run
    assertThat(CliRun.of("history", "--database", database()).exitCode()).isZero();
    try (Connection holder = DriverManager.getConnection("jdbc:" + database());
        Statement lock = holder.createStatement()) {
      lock.execute("BEGIN EXCLUSIVE");
      try (AwsSimulator sim = AwsSimulator.start(estate())) {
        CliRun collect = collect(sim, out, "--database", database());

        assertThat(collect.exitCode()).as(collect.err()).isEqualTo(6);
        assertThat(collect.err())
            .containsPattern("failed: database: could not append to sqlite:[^\\n]*locked")
            .contains("aws-inventory load " + out);
        assertThat(out.resolve("ec2_instances.jsonl")).isRegularFile();
      }
      lock.execute("ROLLBACK");
    }
    assertThat(runIds()).isEmpty();
    CliRun load = CliRun.of("load", out.toString(), "--database", database());
    assertThat(load.exitCode()).as(load.err()).isZero();
    assertThat(runIds()).hasSize(1);
  }

  @Test
  void anAppendThatFailsHalfWay_leavesNothingBehind() throws Exception {
    Path out = dir.resolve("out");
    try (AwsSimulator sim = AwsSimulator.start(estate())) {
      assertThat(collect(sim, out).exitCode()).isZero();
    }
    // the hosts file, appended after the instances, is cut off in the middle of a record
    Path set = Path.of(CliRun.of("current", out.toString()).out().strip());
    Path hosts = set.resolve("ec2_hosts.jsonl");
    String text = Files.readString(hosts);
    Files.delete(hosts);
    Files.writeString(hosts, text.substring(0, text.length() / 2));

    CliRun load = CliRun.of("load", out.toString(), "--database", database());

    assertThat(load.exitCode()).isEqualTo(6);
    assertThat(runIds()).isEmpty();
    try (Connection db = DriverManager.getConnection("jdbc:" + database());
        Statement query = db.createStatement();
        ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM ec2_instances")) {
      rows.next();
      assertThat(rows.getLong(1)).isZero();
    }
  }

  @Test
  void badDatabaseOptions_areExit2_beforeAnyCall() {
    for (String[] args :
        List.of(
            new String[] {"--database", "mysql://db/inventory"},
            new String[] {"--database", "postgresql://admin:secret@db/inventory"},
            new String[] {"--database", "postgresql://db/inventory?password=x"},
            new String[] {"--keep-runs", "3"},
            new String[] {"--keep-runs", "0", "--database", database()})) {
      List<String> command = new ArrayList<>(List.of("collect"));
      command.addAll(List.of(args));
      CliRun run = CliRun.of(command.toArray(String[]::new));
      assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isEqualTo(2);
      assertThat(run.err()).contains(args[0]).doesNotContain("secret");
    }
  }

  private List<String> runIds() throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection db = DriverManager.getConnection("jdbc:" + database());
        Statement query = db.createStatement();
        ResultSet rows = query.executeQuery("SELECT run_id FROM runs ORDER BY ended_at")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  private static List<JsonNode> lines(Path out, String file) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve(file))) {
      rows.add(JSON.readTree(line));
    }
    return rows;
  }
}
