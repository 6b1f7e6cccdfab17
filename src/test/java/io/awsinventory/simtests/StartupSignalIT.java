package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop at any instant of the start-up is exit 130, and the launcher works through a link. The
 * signal is sent at a chosen point, not after a guessed delay: while the collector reads its config
 * file from a pipe that the test holds open (inside the command line's parsing, before anything of
 * the run), or while the launcher's java has not started yet.
 */
class StartupSignalIT {
  @TempDir Path dir;

  @Test
  void sigtermWhileTheCommandLineIsRead_exits130() throws Exception {
    Path fifo = fifo();
    JarRun run =
        JarRun.start(
            List.of(
                "collect",
                "--config",
                fifo.toString(),
                "--output-dir",
                dir.resolve("out").toString()),
            java.util.Map.of());
    // opening the pipe for writing returns once the collector has opened it to read its config
    try (OutputStream config = new FileOutputStream(fifo.toFile())) {
      run.process.destroy();
      assertThat(run.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      config.write('\n');
    } catch (java.io.IOException readerGone) {
      // the collector ended before the test closed the pipe
    }
    assertThat(run.process.exitValue()).as(Files.readString(run.stderr)).isEqualTo(130);
    assertThat(Files.readString(run.stderr)).contains("SIGTERM received");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void sigtermBeforeJavaRuns_theLauncherExits130() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path started = dir.resolve("started");
    // a java that has not reached the collector's main yet: the JVM's own start
    Path java = bin.resolve("java");
    Files.writeString(java, "#!/bin/sh\ntouch '" + started + "'\nexec sleep 60\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
    Path install = install();
    ProcessBuilder builder =
        new ProcessBuilder("sh", install.resolve("aws-inventory").toString(), "collect")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("launcher.txt").toFile());
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    builder.environment().put("HOME", dir.toString());
    Process launcher = builder.start();
    await("java started").atMost(Duration.ofSeconds(30)).until(() -> Files.exists(started));

    launcher.destroy();

    assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(launcher.exitValue()).isEqualTo(130);
  }

  @Test
  void theLauncher_startedThroughALink_findsTheJarBesideTheRealFile() throws Exception {
    Path install = install();
    Path bin = Files.createDirectories(dir.resolve("usr-local-bin"));
    Path link =
        Files.createSymbolicLink(bin.resolve("aws-inventory"), install.resolve("aws-inventory"));
    // a link to the link, relative, as package managers make them
    Path second = Files.createSymbolicLink(dir.resolve("ai"), dir.relativize(link));

    for (Path started : List.of(link, second)) {
      Process process =
          new ProcessBuilder(started.toString(), "--version")
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("version.txt").toFile())
              .start();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String output = Files.readString(dir.resolve("version.txt"));
      assertThat(process.exitValue()).as(output).isZero();
      assertThat(output).startsWith("aws-inventory ");
    }
  }

  /** The launcher and the jar in a folder of their own, as installed. */
  private Path install() throws Exception {
    Path install = Files.createDirectories(dir.resolve("opt-aws-inventory"));
    Path launcher = install.resolve("aws-inventory");
    Files.copy(Path.of("scripts", "aws-inventory"), launcher);
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.copy(
        Path.of(System.getProperty("aws.inventory.jar")), install.resolve("aws-inventory.jar"));
    return install;
  }

  private Path fifo() throws Exception {
    Path fifo = dir.resolve("config.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertThat(mkfifo.waitFor()).isZero();
    return fifo;
  }
}
