package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import io.awsinventory.sim.SimEstate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log file a scheduler keeps: every line timed, each run opened and closed by a line. */
class LogFileIT {
  private static final String ISO_TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z .*";

  @TempDir Path dir;

  @Test
  void collect_logFile_timesEveryLine_namesTheRun_andGroupsARepeatedFailure() throws Exception {
    SimConfig config = new SimConfig().accounts(2).deniedApis("DescribeReservedInstances");
    Path log = dir.resolve("nightly.log");
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      for (int night = 0; night < 2; night++) {
        List<String> args = sim.commandFromManagement("collect");
        args.addAll(
            List.of(
                "--list-accounts",
                "--regions",
                "eu-west-1,us-east-1",
                "--output-dir",
                dir.resolve("out").toString(),
                "--log-file",
                log.toString()));
        assertThat(JarRun.start(args).waitFor()).isEqualTo(3);
      }
    }
    List<String> lines = Files.readAllLines(log);

    assertThat(lines).isNotEmpty().allMatch(line -> line.matches(ISO_TIME), "starts with a time");
    List<String> openings = lines.stream().filter(l -> l.contains(" aws-inventory 0.")).toList();
    assertThat(openings).hasSize(2);
    assertThat(openings.get(0))
        .contains(" collect ")
        .contains("--list-accounts")
        .contains("--secret-access-key=****")
        .doesNotContain(AwsSimulator.SECRET_ACCESS_KEY);
    assertThat(lines.get(lines.size() - 1))
        .contains("aws-inventory: exit 3 (partial): ")
        .contains(" records; ")
        .contains(" ok, ")
        .contains("2 accounts (0 skipped)");
    String management = SimEstate.accountId(0);
    List<String> denials =
        lines.stream()
            .filter(l -> l.contains("denied: account " + management + ", reserved-instances"))
            .toList();
    assertThat(denials).as("one line per night for both regions").hasSize(2);
    assertThat(denials.get(0))
        .contains("reserved-instances in 2 regions: UnauthorizedOperation")
        .endsWith("(missing ec2:DescribeReservedInstances)");
  }

  @Test
  void collect_sessionsRenewedOften_printNoSdkWarnings() throws Exception {
    SimConfig config =
        new SimConfig()
            .accounts(3)
            .instances(600)
            .tokenLifetime(java.time.Duration.ofSeconds(2))
            .latency(java.time.Duration.ofMillis(150), java.time.Duration.ZERO);
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      List<String> args = sim.commandFromManagement("collect");
      args.addAll(
          List.of(
              "--list-accounts",
              "--concurrency",
              "2",
              "--output-dir",
              dir.resolve("out").toString()));
      JarRun run = JarRun.start(args);

      assertThat(run.waitFor()).as(run.err()).isZero();
      assertThat(run.err()).doesNotContain("WARN").doesNotContain("CachedSupplier");
      assertThat(sim.stats().get("assumeRoles").asInt()).isGreaterThan(2);
    }
  }

  @Test
  void collect_logFileThatCannotBeWritten_isExit1WithAMessage() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1))) {
      List<String> args = sim.commandFromManagement("collect");
      args.addAll(
          List.of("--output-dir", dir.resolve("out").toString(), "--log-file", "/dev/full"));
      JarRun run = JarRun.start(args);

      assertThat(run.waitFor()).as(run.err()).isEqualTo(1);
      assertThat(run.err()).contains("aws-inventory: --log-file: could not write to the log file");
      assertThat(dir.resolve("out/run_summary.json")).exists();
    }
  }
}
