package io.awsinventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's cron line is the one docs/scheduling.md explains, word for word. */
class SchedulingDocsTest {
  @Test
  void readmeCronLine_isTheSchedulingGuidesLine_withItsLock() throws Exception {
    List<String> guide = cronLines(Path.of("docs/scheduling.md"));
    List<String> readme = cronLines(Path.of("README.md"));

    assertThat(guide).hasSize(1);
    assertThat(readme).containsExactlyElementsOf(guide);
    assertThat(readme.get(0)).contains("flock -n");
  }

  private static List<String> cronLines(Path file) throws Exception {
    return Files.readAllLines(file).stream()
        .map(String::strip)
        .filter(line -> line.matches("\\d+ \\d+ \\* \\* \\* .*"))
        .toList();
  }
}
