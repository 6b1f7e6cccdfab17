package io.awsinventory.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.collect.ResourceType;
import io.awsinventory.collect.ResourceTypes;
import io.awsinventory.output.OutputFormat;
import org.junit.jupiter.api.Test;

/** Every schema tells a reader how to read one run's set of files. */
class SchemaFilesTest {
  @Test
  void everySchema_namesTheAtomicReadingPattern() {
    assertThat(SchemaFiles.forSummary().get("description").asText())
        .contains("aws-inventory current DIR");
    for (ResourceType type : ResourceTypes.all()) {
      for (OutputFormat format : OutputFormat.values()) {
        assertThat(SchemaFiles.forResource(type, format).get("description").asText())
            .as(type.name() + " " + format)
            .contains(".aws-inventory-data link once")
            .contains("may come from two runs");
      }
    }
  }
}
