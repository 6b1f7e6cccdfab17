package io.awsinventory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped config samples hold only known keys, so a user can start from any of them. */
class ConfigSamplesTest {
  @Test
  void everySample_readsWithoutError() throws Exception {
    var collect = AwsInventory.commandLine().getSubcommands().get("collect").getCommandSpec();
    List<Path> samples;
    try (Stream<Path> files = Files.list(Path.of("config-samples"))) {
      samples = files.filter(p -> p.toString().endsWith(".conf")).toList();
    }
    assertThat(samples).hasSizeGreaterThanOrEqualTo(3);
    for (Path sample : samples) {
      Map<String, String> values = ConfigFileReader.read(sample, collect);
      assertThat(values).as(sample.toString()).isNotEmpty();
    }
  }
}
