package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.cli.CliRun;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar killed (SIGKILL) in the middle of an append, once it has begun writing: the
 * database holds no half snapshot, and the next load appends the set whole.
 */
class HistoryKillIT {
  @TempDir Path dir;

  @Test
  void aKillDuringTheAppend_leavesNoHalfSnapshot() throws Exception {
    Path out = dir.resolve("out");
    Path file = dir.resolve("history.db");
    String database = "sqlite:" + file;
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1).instances(40000))) {
      CliRun collect = SimulatedCollectTest.collect(sim, out, "--resources", "instances");
      assertThat(collect.exitCode()).as(collect.err()).isZero();
    }
    // the schema exists before: the journal that appears next is the append's
    assertThat(CliRun.of("history", "--database", database).exitCode()).isZero();
    Path journal = dir.resolve("history.db-journal");

    JarRun load = JarRun.start(List.of("load", out.toString(), "--database", database));
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (!Files.exists(journal) && load.alive() && System.nanoTime() < deadline) {
      Thread.sleep(2);
    }
    assertThat(load.alive()).as("the load was still writing when it was killed").isTrue();
    load.kill();

    assertThat(count(file, "runs")).isZero();
    assertThat(count(file, "ec2_instances")).isZero();
    CliRun again = CliRun.of("load", out.toString(), "--database", database);
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(count(file, "runs")).isEqualTo(1);
    assertThat(count(file, "ec2_instances")).isPositive();
  }

  private static long count(Path file, String table) throws Exception {
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement query = db.createStatement();
        ResultSet rows = query.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
