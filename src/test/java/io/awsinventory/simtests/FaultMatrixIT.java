package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.TestTypes;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.collect.ResourceTypes;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import io.awsinventory.sim.SimEstate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fault at once, over a run that outlasts its role sessions: 20 accounts x 4 regions, 10% of
 * calls answered 5xx, token buckets refilled at half the rate calls arrive, one account denied, one
 * account x region hanging, 60-second sessions. Every record of every healthy target must be in the
 * files, and the summary must name exactly the unhealthy targets.
 */
class FaultMatrixIT {
  @TempDir Path out;

  @Test
  void faultMatrix_healthyTargetsComplete_summaryNamesExactlyTheUnhealthyOnes() throws Exception {
    String deniedAccount = SimEstate.accountId(7);
    String hangingAccount = SimEstate.accountId(12);
    SimConfig config =
        new SimConfig()
            .accounts(20)
            .regions("eu-central-1", "eu-west-1", "us-east-1", "us-west-2")
            .instances(12_000)
            .latency(Duration.ofMillis(250), Duration.ofMillis(100))
            .serverErrorRate(0.10)
            .buckets(1, 0.5)
            .deniedAccounts(deniedAccount)
            .hangingRegions(hangingAccount + "/us-west-2")
            .hangFor(Duration.ofSeconds(20))
            .tokenLifetime(Duration.ofSeconds(60));
    long start = System.nanoTime();
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      List<String> args = sim.commandFromManagement("collect");
      args.addAll(
          List.of(
              "--assume-role-arn",
              "arn:aws:iam::" + sim.estate().managementId() + ":role/inventory",
              "--list-accounts",
              "--format",
              "jsonl",
              "--concurrency",
              "4",
              "--timeout",
              "2",
              "--output-dir",
              out.toString()));
      JarRun run = JarRun.start(args);
      int exit = run.waitFor();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

      assertThat(exit).as(run.err()).isEqualTo(3);
      Set<String> expected = new TreeSet<>();
      for (ResourceType type : ResourceTypes.defaults()) {
        expected.add(deniedAccount + "/*/" + type.name());
        expected.add(hangingAccount + "/us-west-2/" + type.name());
      }
      Set<String> unhealthy = Truth.unhealthyRows(out);
      assertThat(unhealthy).as(Truth.unhealthyReasons(out)).isEqualTo(expected);
      Truth.assertHealthyTargetsComplete(sim, out, unhealthy, TestTypes.DEFAULTS);

      assertThat(elapsed)
          .as("the run outlasted its 60-second sessions")
          .isGreaterThan(Duration.ofSeconds(60));
      assertThat(sim.serverErrors()).isPositive();
      assertThat(sim.throttled()).isPositive();
      assertThat(sim.expiredRejections()).isZero();
      assertThat(sim.stats().get("assumeRoles").asInt()).isGreaterThan(2 * 20);
      System.out.println("fault matrix: " + elapsed.toSeconds() + " s, " + sim.stats().toString());
    }
  }
}
