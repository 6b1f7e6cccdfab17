package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.awsinventory.cli.CliRun;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder failing under a run: a clear message, exit 1, the previous files intact. */
class OutputFailureTest {
  @TempDir Path out;

  private Map<String, String> snapshot() throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(out)) {
      for (Path file : list.filter(Files::isRegularFile).toList()) {
        files.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    return files;
  }

  private Optional<Path> workspace() throws Exception {
    try (Stream<Path> list = Files.list(out)) {
      return list.filter(p -> p.getFileName().toString().startsWith(".aws-inventory-run-"))
          .findFirst();
    }
  }

  private Optional<Path> workspaceWithFiles() throws Exception {
    Optional<Path> dir = workspace();
    if (dir.isEmpty()) {
      return dir;
    }
    try (Stream<Path> files = Files.list(dir.get())) {
      return files.findAny().isPresent() ? dir : Optional.empty();
    }
  }

  @Test
  void collect_workspaceRemovedMidRun_exit1_previousFilesIntact() throws Exception {
    try (AwsSimulator quick = AwsSimulator.start(new SimConfig().accounts(2))) {
      assertThat(SimulatedCollectTest.collect(quick, out).exitCode()).isZero();
    }
    Map<String, String> previous = snapshot();
    SimConfig slow = new SimConfig().accounts(8).latency(Duration.ofMillis(150), Duration.ZERO);
    try (AwsSimulator sim = AwsSimulator.start(slow)) {
      // removes the private work folder as soon as the run has written into it
      Thread saboteur =
          new Thread(
              () -> {
                Path dir =
                    await()
                        .ignoreExceptions()
                        .atMost(Duration.ofSeconds(30))
                        .pollInterval(Duration.ofMillis(20))
                        .until(this::workspaceWithFiles, Optional::isPresent)
                        .orElseThrow();
                try (Stream<Path> tree = Files.walk(dir)) {
                  for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                  }
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              });
      saboteur.start();

      CliRun run = SimulatedCollectTest.collect(sim, out, "--concurrency", "2");
      saboteur.join();

      assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
      assertThat(run.err())
          .contains("aws-inventory: could not write the output in " + out)
          .contains("the files of the previous run are unchanged")
          .doesNotContain("\tat ");
    }
    assertThat(snapshot()).isEqualTo(previous);
    assertThat(workspace()).isEmpty();
  }
}
