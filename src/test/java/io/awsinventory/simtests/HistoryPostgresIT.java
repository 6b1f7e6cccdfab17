package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar appending runs to a real PostgreSQL ({@link PostgresServer}): the user from PGUSER,
 * the password from PGPASSWORD or a password file; two collectors of different scopes in one
 * database; a refused password costs the append, never the files, and is never printed.
 */
class HistoryPostgresIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static JarRun collect(
      AwsSimulator sim, Path out, String database, Map<String, String> env, String... extra)
      throws Exception {
    List<String> args = sim.commandFromManagement("collect");
    args.addAll(
        List.of(
            "--list-accounts",
            "--format",
            "jsonl",
            "--output-dir",
            out.toString(),
            "--quiet",
            "--resources",
            "instances,db-instances",
            "--database",
            database));
    args.addAll(List.of(extra));
    return JarRun.start(args, env);
  }

  @Test
  void runsOfTwoScopes_shareOneDatabase_andTheLatestIsEachScopesLastSet() throws Exception {
    PostgresServer server = PostgresServer.get();
    String database = server.newDatabase();
    Map<String, String> env =
        Map.of("PGUSER", PostgresServer.USER, "PGPASSWORD", PostgresServer.PASSWORD);
    Path all = dir.resolve("all");
    Path one = dir.resolve("one");
    try (AwsSimulator sim =
        AwsSimulator.start(new SimConfig().accounts(3).instances(120).dbPerTarget(7))) {
      for (int run = 0; run < 2; run++) {
        JarRun collect = collect(sim, all, database, env);
        assertThat(collect.waitFor()).as(collect.err()).isZero();
      }
      JarRun single = collect(sim, one, database, env, "--regions", "eu-west-1");
      assertThat(single.waitFor()).as(single.err()).isZero();
      assertThat(single.err()).doesNotContain(PostgresServer.PASSWORD);
    }

    Path password = dir.resolve("pg-password");
    Files.writeString(password, PostgresServer.PASSWORD + "\n");
    Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
    JarRun history =
        JarRun.start(
            List.of(
                "history", "--database", database, "--database-password-file", password.toString()),
            Map.of("PGUSER", PostgresServer.USER));
    assertThat(history.waitFor()).as(history.err()).isZero();
    assertThat(history.out().lines().filter(l -> l.matches("^[0-9a-f-]{36} .*"))).hasSize(3);

    try (Connection db =
        DriverManager.getConnection(
            PostgresServer.jdbc(database), PostgresServer.USER, PostgresServer.PASSWORD)) {
      assertThat(latest(db, "regions=all enabled")).isEqualTo(file(all)).isNotEmpty();
      assertThat(latest(db, "regions=eu-west-1")).isEqualTo(file(one)).isNotEmpty();
      // the README's audit query, with the PostgreSQL operator its comment gives
      String audit =
          HistoryTest.readmeQuery()
              .replace("2026-11-30", "2999-12-31")
              .replace(
                  "i.products LIKE '%\"SQL Server\"%'",
                  "i.products @> '[{\"Product\":\"SQL Server\"}]'");
      assertThat(audit).contains("@>");
      try (Statement query = db.createStatement();
          ResultSet rows = query.executeQuery(audit)) {
        assertThat(rows.next()).isTrue();
      }
      // diff reads both runs of a scope from PostgreSQL in key order: the same estate, no change
      List<String> runs = new java.util.ArrayList<>();
      try (Statement query = db.createStatement();
          ResultSet rows =
              query.executeQuery(
                  "SELECT run_id FROM runs WHERE scope LIKE '%all enabled%' ORDER BY ended_at")) {
        while (rows.next()) {
          runs.add(rows.getString(1));
        }
      }
      assertThat(runs).hasSize(2);
      JarRun diff =
          JarRun.start(
              List.of(
                  "diff",
                  "--database",
                  database,
                  "--from",
                  runs.get(0),
                  "--to",
                  runs.get(1),
                  "--output-dir",
                  dir.resolve("diff").toString()),
              env);
      assertThat(diff.waitFor()).as(diff.err()).isZero();
      assertThat(diff.err()).contains("diff_ec2_instances.json: 0 added, 0 removed, 0 changed");
      // the typed licence columns are queryable as such: JSONB products, integer vCPUs
      try (Statement query = db.createStatement();
          ResultSet rows =
              query.executeQuery(
                  "SELECT COUNT(*) FROM latest_ec2_instances"
                      + " WHERE vcpus > 0 AND jsonb_typeof(products) = 'array'")) {
        rows.next();
        assertThat(rows.getLong(1)).isPositive();
      }
    }
  }

  @Test
  void aRefusedPassword_isExit6InOneLine_theFilesCommitted_thePasswordNeverShown()
      throws Exception {
    String database = PostgresServer.get().newDatabase();
    Path out = dir.resolve("out");
    String wrong = "not-the-Password-42";
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1).instances(20))) {
      JarRun collect =
          collect(sim, out, database, Map.of("PGUSER", PostgresServer.USER, "PGPASSWORD", wrong));

      assertThat(collect.waitFor()).as(collect.err()).isEqualTo(6);
      assertThat(collect.err())
          .contains("failed: database: could not append to " + database)
          .contains("password authentication failed")
          .doesNotContain(wrong);
      assertThat(collect.err().lines().filter(l -> l.contains("failed: database"))).hasSize(1);
      assertThat(out.resolve("ec2_instances.jsonl")).isRegularFile();
    }
  }

  /**
   * InstanceId -> record of latest_ec2_instances in the scope whose text contains {@code scope}.
   */
  private static Map<String, JsonNode> latest(Connection db, String scope) throws Exception {
    Map<String, JsonNode> rows = new TreeMap<>();
    try (Statement query = db.createStatement();
        ResultSet result =
            query.executeQuery("SELECT scope, instance_id, record FROM latest_ec2_instances")) {
      while (result.next()) {
        if (result.getString(1).contains(scope)) {
          rows.put(result.getString(2), JSON.readTree(result.getString(3)));
        }
      }
    }
    return rows;
  }

  private static Map<String, JsonNode> file(Path out) throws Exception {
    Map<String, JsonNode> rows = new TreeMap<>();
    for (String line : Files.readAllLines(out.resolve("ec2_instances.jsonl"))) {
      JsonNode row = JSON.readTree(line);
      rows.put(row.get("InstanceId").asText(), row);
    }
    return rows;
  }
}
