package io.awsinventory.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The POSIX launcher's class-data-sharing archive: recorded by the first collect that ends with
 * files written, not by a check or a collect stopped early, which load a fraction of the classes a
 * collect needs and would leave every later run loading the rest from the jar.
 */
class LauncherArchiveIT {
  @TempDir Path dir;

  private record Launched(int exitCode, String output) {}

  /** Runs the launcher with its state folder in {@code dir}, and {@code env} added. */
  private Launched launch(List<String> args, Map<String, String> env)
      throws IOException, InterruptedException {
    return launch(Path.of("scripts", "aws-inventory"), args, env);
  }

  /** Runs the launcher at {@code launcher}, which finds its jar beside it or in ../target. */
  private Launched launch(Path launcher, List<String> args, Map<String, String> env)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    builder.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
    builder.environment().putAll(env);
    Path output = Files.createTempFile(dir, "launcher", ".txt");
    Process process = builder.redirectOutput(output.toFile()).start();
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(Files.readString(output)).isTrue();
    return new Launched(process.exitValue(), Files.readString(output));
  }

  private int launch(List<String> args) throws IOException, InterruptedException {
    return launch(args, Map.of()).exitCode();
  }

  private List<Path> archives() throws IOException {
    Path folder = dir.resolve("state").resolve("aws-inventory");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
    }
  }

  /** A collect of one account x region that ends with files written. */
  private List<String> wholeCollect(AwsSimulator sim) {
    List<String> collect = sim.commandFromManagement("collect");
    collect.addAll(
        List.of(
            "--regions", "us-east-1", "--quiet", "--output-dir", dir.resolve("out").toString()));
    return collect;
  }

  /** The run's classes come from an archive: the JVM names where each class came from. */
  private void assertMapsAnArchive(Path launcher, List<String> args) throws Exception {
    Launched mapped =
        launch(launcher, args, Map.of("AWS_INVENTORY_JAVA_OPTS", "-Xlog:class+load=info"));
    assertThat(mapped.exitCode()).isZero();
    assertThat(mapped.output())
        .contains("io.awsinventory.cli.AwsInventory source: shared objects file (top)");
  }

  @Test
  void aCheck_andACollectStoppedEarly_recordNothing_thenAWholeCollectRecords() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1))) {
      List<String> check = sim.commandFromManagement("check");
      check.addAll(List.of("--regions", "us-east-1", "--quiet"));
      assertThat(launch(check)).isZero();
      assertThat(archives()).as("after a check").isEmpty();

      List<String> refused = sim.commandFromManagement("collect");
      refused.addAll(List.of("--concurrency", "0", "--output-dir", dir.resolve("out").toString()));
      assertThat(launch(refused)).isEqualTo(2);
      assertThat(archives()).as("after a collect refused for bad input").isEmpty();

      List<String> collect = wholeCollect(sim);
      assertThat(launch(collect)).isZero();
      assertThat(archives()).as("after a whole collect").hasSize(1);
      assertThat(Files.size(archives().get(0))).isPositive();

      // a later run maps it
      assertMapsAnArchive(Path.of("scripts", "aws-inventory"), collect);
      assertThat(archives()).hasSize(1);
    }
  }

  @Test
  void theSameJarInTwoFolders_recordsAndMapsAnArchiveInEach() throws Exception {
    // a copy keeps the jar's size and time: only its place tells the two apart, and the JVM
    // refuses an archive recorded for a jar at another place
    Path install = Files.createDirectories(dir.resolve("install"));
    Path launcher = install.resolve("aws-inventory");
    Files.copy(Path.of("scripts", "aws-inventory"), launcher);
    Files.copy(
        Path.of("target", "aws-inventory.jar"),
        install.resolve("aws-inventory.jar"),
        StandardCopyOption.COPY_ATTRIBUTES);
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1))) {
      List<String> collect = wholeCollect(sim);
      assertThat(launch(collect)).isZero();
      assertThat(archives()).as("after a collect from the build").hasSize(1);

      assertThat(launch(launcher, collect, Map.of()).exitCode()).isZero();
      assertThat(archives()).as("after a collect from the copy").hasSize(2);
      assertMapsAnArchive(launcher, collect);
    }
  }
}
