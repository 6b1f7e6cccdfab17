package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
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
 * collect needs and would leave every later run loading the rest from the jar; kept beside the jar,
 * so a run in a fresh HOME maps it too. Each test installs the launcher and jar in a folder of its
 * own, as a user would.
 */
class LauncherArchiveIT {
  @TempDir Path dir;

  /** The launcher of a fresh install: the script and a copy of the jar in a folder. */
  private Path install(String name) throws IOException {
    Path install = Files.createDirectories(dir.resolve(name));
    Path launcher = install.resolve("aws-inventory");
    Files.copy(Path.of("scripts", "aws-inventory"), launcher);
    Files.copy(
        Path.of("target", "aws-inventory.jar"),
        install.resolve("aws-inventory.jar"),
        StandardCopyOption.COPY_ATTRIBUTES);
    return launcher;
  }

  private record Launched(int exitCode, String output) {}

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

  private int launch(Path launcher, List<String> args) throws IOException, InterruptedException {
    return launch(launcher, args, Map.of()).exitCode();
  }

  /** The archives kept beside the jar of {@code launcher}. */
  private static List<Path> archives(Path launcher) throws IOException {
    Path folder = launcher.resolveSibling(".aws-inventory-cds");
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
    Path launcher = install("install");
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1))) {
      List<String> check = sim.commandFromManagement("check");
      check.addAll(List.of("--regions", "us-east-1", "--quiet"));
      assertThat(launch(launcher, check)).isZero();
      assertThat(archives(launcher)).as("after a check").isEmpty();

      List<String> refused = sim.commandFromManagement("collect");
      refused.addAll(List.of("--concurrency", "0", "--output-dir", dir.resolve("out").toString()));
      assertThat(launch(launcher, refused)).isEqualTo(2);
      assertThat(archives(launcher)).as("after a collect refused for bad input").isEmpty();

      List<String> collect = wholeCollect(sim);
      assertThat(launch(launcher, collect)).isZero();
      assertThat(archives(launcher)).as("after a whole collect").hasSize(1);
      assertThat(Files.size(archives(launcher).get(0))).isPositive();

      // a later run maps it
      assertMapsAnArchive(launcher, collect);
      assertThat(archives(launcher)).hasSize(1);
    }
  }

  @Test
  void aRunInAFreshHome_mapsTheArchiveAnEarlierRunKeptBesideTheJar() throws Exception {
    Path launcher = install("install");
    // an earlier jar's archive at this place, which the new one replaces
    Path stale = Files.createDirectories(launcher.resolveSibling(".aws-inventory-cds"));
    Files.writeString(stale.resolve("classes-1.jsa"), "an earlier jar's");
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1))) {
      List<String> collect = wholeCollect(sim);
      Path firstHome = Files.createDirectories(dir.resolve("home-1"));
      assertThat(launch(launcher, collect, home(firstHome)).exitCode()).isZero();
      assertThat(archives(launcher)).hasSize(1).noneMatch(a -> a.endsWith("classes-1.jsa"));

      // a container's or CI job's run: a HOME nobody ran in before, no state folder
      Path freshHome = Files.createDirectories(dir.resolve("home-2"));
      Map<String, String> env = new java.util.HashMap<>(home(freshHome));
      env.put("AWS_INVENTORY_JAVA_OPTS", "-Xlog:class+load=info");
      Launched fresh = launch(launcher, collect, env);
      assertThat(fresh.exitCode()).isZero();
      assertThat(fresh.output())
          .contains("io.awsinventory.cli.AwsInventory source: shared objects file (top)");
      try (Stream<Path> files = Files.walk(freshHome)) {
        assertThat(files.filter(f -> f.toString().endsWith(".jsa"))).isEmpty();
      }
    }
  }

  /** A HOME of its own, with no state folder set apart from it. */
  private static Map<String, String> home(Path home) {
    return Map.of(
        "HOME", home.toString(), "XDG_STATE_HOME", home.resolve(".local/state").toString());
  }

  @Test
  void theSameJarInTwoFolders_recordsAndMapsAnArchiveInEach() throws Exception {
    // a copy keeps the jar's size and time: only its place tells the two apart, and the JVM
    // refuses an archive recorded for a jar at another place
    Path first = install("first");
    Path second = install("second");
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1))) {
      List<String> collect = wholeCollect(sim);
      assertThat(launch(first, collect)).isZero();
      assertThat(archives(first)).as("after a collect from the first").hasSize(1);

      assertThat(launch(second, collect)).isZero();
      assertThat(archives(second)).as("after a collect from the second").hasSize(1);
      assertMapsAnArchive(second, collect);
      assertMapsAnArchive(first, collect);
    }
  }

  @Test
  void aJarFolderNobodyMayWrite_keepsTheArchiveInTheUsersStateFolder() throws Exception {
    Path launcher = install("read-only");
    Files.createFile(launcher.resolveSibling(".aws-inventory-cds"));
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1))) {
      List<String> collect = wholeCollect(sim);
      assertThat(launch(launcher, collect)).isZero();

      try (Stream<Path> files = Files.list(dir.resolve("state").resolve("aws-inventory"))) {
        assertThat(files.filter(f -> f.toString().endsWith(".jsa"))).hasSize(1);
      }
      assertMapsAnArchive(launcher, collect);
    }
  }
}
