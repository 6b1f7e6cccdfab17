package io.awsinventory.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The POSIX launcher's JVM options: its defaults, and the user's options added after them. */
class LauncherIT {
  @TempDir Path state;

  /** The launcher run with {@code env}; the JVM prints the flags it was given on stdout. */
  private String flags(Map<String, String> env) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(List.of("sh", "scripts/aws-inventory", "--version"))
            .redirectErrorStream(true);
    builder.environment().remove("AWS_INVENTORY_JAVA_OPTS");
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().put("XDG_STATE_HOME", state.toString());
    builder.environment().putAll(env);
    Path output = Files.createTempFile(state, "launcher", ".txt");
    Process process = builder.redirectOutput(output.toFile()).start();
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String text = Files.readString(output);
    assertThat(process.exitValue()).as(text).isZero();
    assertThat(text).contains("aws-inventory ");
    return text;
  }

  @Test
  void byDefault_theQuickCompilerWithFourCompilerThreads_andA96MegabyteYoungGeneration()
      throws Exception {
    String text = flags(Map.of("JDK_JAVA_OPTIONS", "-XX:+PrintCommandLineFlags"));
    assertThat(text)
        .contains("-XX:TieredStopAtLevel=1")
        .contains("-XX:CICompilerCount=4")
        .contains("-XX:NewSize=100663296");
  }

  @Test
  void aHeapSmallerThanTheYoungGeneration_runsWithoutAWarning() throws Exception {
    String text = flags(Map.of("AWS_INVENTORY_JAVA_OPTS", "-Xmx64m"));
    assertThat(text).doesNotContainIgnoringCase("warning");
  }

  @Test
  void userOptions_comeAfterTheDefaults_andKeepThem() throws Exception {
    String text = flags(Map.of("AWS_INVENTORY_JAVA_OPTS", "-XX:+PrintCommandLineFlags -Xmx300m"));
    assertThat(text)
        .contains("-XX:TieredStopAtLevel=1")
        .contains("-XX:CICompilerCount=4")
        .contains("-XX:MaxHeapSize=314572800");
  }

  @Test
  void aLaterOptionWins() throws Exception {
    String text =
        flags(
            Map.of(
                "AWS_INVENTORY_JAVA_OPTS", "-XX:+PrintCommandLineFlags -XX:TieredStopAtLevel=4"));
    assertThat(text).contains("-XX:TieredStopAtLevel=4").doesNotContain("TieredStopAtLevel=1");
  }
}
