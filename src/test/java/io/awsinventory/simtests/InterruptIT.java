package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGTERM and SIGINT in the middle of a run: the previous run's complete set of files stays in
 * place, temporary files are removed, what was done is said on stderr and in the log file, and the
 * exit code is 130.
 */
class InterruptIT {
  @TempDir Path dir;

  private static List<String> collect(AwsSimulator sim, Path out, String... extra) {
    List<String> args = sim.commandFromManagement("collect");
    args.addAll(List.of("--list-accounts", "--output-dir", out.toString()));
    args.addAll(List.of(extra));
    return args;
  }

  private static Map<String, String> snapshot(Path out) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(out)) {
      // the lock file holds the pid of the last run that took the folder: not part of the set
      for (Path file : list.filter(p -> !p.getFileName().toString().startsWith(".")).toList()) {
        files.put(
            file.getFileName().toString(),
            Files.isDirectory(file) ? "<dir>" : Files.readString(file));
      }
    }
    return files;
  }

  /** Whether a spill file is there; false for now when a file went while the folder was read. */
  private static boolean spillsWritten(Path out) throws Exception {
    try (Stream<Path> files = Files.walk(out)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".spill"));
    } catch (UncheckedIOException e) {
      // the run creates and removes files of its own (the folder's write probe, finished spills)
      if (e.getCause() instanceof NoSuchFileException) {
        return false;
      }
      throw e;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"TERM", "INT"})
  void signalMidRun_keepsThePreviousSet_removesTemporaryFiles_exit130(String signal)
      throws Exception {
    Path out = dir.resolve("out");
    Path log = dir.resolve("run.log");
    try (AwsSimulator quick = AwsSimulator.start(new SimConfig().accounts(2))) {
      assertThat(JarRun.start(collect(quick, out, "--quiet")).waitFor()).isZero();
    }
    Map<String, String> previous = snapshot(out);
    assertThat(previous).containsKeys("ec2_instances.json", "run_summary.json");

    SimConfig slow =
        new SimConfig().accounts(12).instances(3000).latency(Duration.ofMillis(400), Duration.ZERO);
    try (AwsSimulator sim = AwsSimulator.start(slow)) {
      JarRun run =
          JarRun.start(collect(sim, out, "--concurrency", "2", "--log-file", log.toString()));
      await("the run started writing")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> spillsWritten(out));
      new ProcessBuilder("kill", "-" + signal, String.valueOf(run.process.pid())).start().waitFor();

      assertThat(run.waitFor()).isEqualTo(130);
      assertThat(run.err())
          .contains("SIG" + signal + " received, stopping")
          .contains("aws-inventory: interrupted after")
          .contains("the previous run's files are unchanged");
      assertThat(Files.readString(log)).contains("aws-inventory: interrupted after");
    }
    assertThat(snapshot(out)).isEqualTo(previous);
  }
}
