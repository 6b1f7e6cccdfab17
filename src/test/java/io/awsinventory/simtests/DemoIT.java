package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/demo.sh shows a whole organization, on-premises managed nodes among its servers, and its
 * licence position.
 */
class DemoIT {
  @TempDir Path dir;

  @Test
  void demo_collectsTheOrganization_andShowsOnPremisesNodes() throws Exception {
    Path out = dir.resolve("demo-output");
    Path printed = dir.resolve("demo.txt");
    ProcessBuilder builder =
        new ProcessBuilder("bash", "scripts/demo.sh", out.toString())
            .redirectErrorStream(true)
            .redirectOutput(printed.toFile());
    builder.environment().put("HOME", dir.toString());
    Process demo = builder.start();

    assertThat(demo.waitFor(5, TimeUnit.MINUTES)).isTrue();
    String text = Files.readString(printed);
    assertThat(demo.exitValue()).as(text).isZero();
    assertThat(text).containsPattern("of which on-premises \\(mi-\\): [1-9]");
    assertThat(Files.readString(out.resolve("ssm_applications.csv"))).contains(",mi-");
    // the licence position of the set, printed and committed with it
    assertThat(text)
        .contains("licence position (all accounts")
        .containsPattern("Windows Server +core");
    assertThat(out.resolve("licence_position.csv")).isRegularFile();
    assertThat(out.resolve("licence_report.html")).isRegularFile();
  }
}
