package io.awsinventory.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.collect.ResourceTypes;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.output.RunSummary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Validates output files against the schema files {@code aws-inventory schema} wrote, with a JSON
 * Schema validator that checks formats (date-time) as assertions.
 */
public final class SchemaCheck {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private final Schema schema;

  private SchemaCheck(Schema schema) {
    this.schema = schema;
  }

  public static SchemaCheck of(Path schemaFile) throws IOException {
    JsonNode node = JSON.readTree(schemaFile.toFile());
    assertThat(node.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    try (InputStream in = Files.newInputStream(schemaFile)) {
      return new SchemaCheck(REGISTRY.getSchema(in));
    }
  }

  /** The validator's messages for one instance; empty when it is valid. */
  public List<String> errors(JsonNode instance) {
    List<Error> errors =
        schema.validate(
            instance, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)));
    return errors.stream().map(Error::toString).toList();
  }

  /**
   * Asserts that each resource file of {@code format} in {@code out} and the run summary are valid
   * against their schemas in {@code schemas}; returns how many records it checked.
   */
  public static int assertRunValid(Path schemas, Path out, OutputFormat format) throws IOException {
    int records = 0;
    for (ResourceType type : ResourceTypes.all()) {
      SchemaCheck check = of(schemas.resolve(SchemaFiles.fileName(type.fileStem())));
      Path file = out.resolve(type.fileStem() + "." + format.extension());
      if (!type.collectedByDefault() && !Files.exists(file)) {
        continue; // an opt-in type the run did not ask for
      }
      records +=
          switch (format) {
            case JSON -> check.assertValidJson(file);
            case JSONL -> check.assertValidJsonLines(file);
            case CSV -> check.assertValidCsvRows(file);
          };
    }
    SchemaCheck coverage = of(schemas.resolve(SchemaFiles.fileName("coverage")));
    Path coverageFile = out.resolve("coverage." + format.extension());
    int rows =
        switch (format) {
          case JSON -> coverage.assertValidJson(coverageFile);
          case JSONL -> coverage.assertValidJsonLines(coverageFile);
          case CSV -> coverage.assertValidCsvRows(coverageFile);
        };
    assertThat(rows).as("coverage rows").isPositive();
    of(schemas.resolve(SchemaFiles.fileName("run_summary")))
        .assertValidJson(out.resolve(RunSummary.FILE_NAME));
    return records;
  }

  /** Asserts a whole JSON file (an array, or the summary) is valid; returns its array size. */
  public int assertValidJson(Path file) throws IOException {
    JsonNode node = JSON.readTree(file.toFile());
    assertThat(errors(node)).as(file.toString()).isEmpty();
    return node.isArray() ? node.size() : 1;
  }

  /** Asserts every line of a JSON Lines file is valid; returns how many lines it checked. */
  public int assertValidJsonLines(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(errors(JSON.readTree(lines.get(i)))).as(file + " line " + (i + 1)).isEmpty();
    }
    return lines.size();
  }

  /** Asserts every row of a CSV file, as an object keyed by the header, is valid. */
  public int assertValidCsvRows(Path file) throws IOException {
    CsvMapper csv = new CsvMapper();
    int rows = 0;
    try (MappingIterator<Map<String, String>> it =
        csv.readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(file.toFile())) {
      while (it.hasNext()) {
        rows++;
        assertThat(errors(JSON.valueToTree(it.next()))).as(file + " row " + rows).isEmpty();
      }
    }
    return rows;
  }
}
