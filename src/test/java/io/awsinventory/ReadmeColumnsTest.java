package io.awsinventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.collect.ResourceType;
import io.awsinventory.output.CsvColumns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/columns.md documents each CSV file's columns exactly as the code writes them. */
class ReadmeColumnsTest {
  @ParameterizedTest
  @MethodSource("io.awsinventory.collect.ResourceTypes#all")
  void readme_listsTheColumnsOfEachCsvFile(ResourceType type) throws Exception {
    String readme = Files.readString(Path.of("docs/columns.md"));
    List<String> header = CsvColumns.of(type.layout(), List.of()).header();

    assertThat(readme)
        .contains("| `" + type.fileStem() + ".csv` | `" + String.join(",", header) + "` |");
  }
}
