package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.awsinventory.cli.CliRun;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.collect.ResourceTypes;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import io.awsinventory.sim.SimEstate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every file's schema names its key ({@code x-primary-key}), and the key names one row of the file
 * in every format, also after records of an account that could not be read were carried.
 */
class PrimaryKeysTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** The rows of a file as column → text (nested members by their dotted path in CSV). */
  private static List<Map<String, String>> rows(Path file, OutputFormat format) throws Exception {
    List<Map<String, String>> rows = new ArrayList<>();
    if (format == OutputFormat.CSV) {
      try (MappingIterator<Map<String, String>> it =
          new CsvMapper()
              .readerForMapOf(String.class)
              .with(CsvSchema.emptySchema().withHeader())
              .readValues(file.toFile())) {
        it.forEachRemaining(rows::add);
      }
      return rows;
    }
    List<JsonNode> records = new ArrayList<>();
    if (format == OutputFormat.JSON) {
      JSON.readTree(file.toFile()).forEach(records::add);
    } else {
      for (String line : Files.readAllLines(file)) {
        records.add(JSON.readTree(line));
      }
    }
    for (JsonNode record : records) {
      Map<String, String> row = new java.util.HashMap<>();
      record.fields().forEachRemaining(f -> row.put(f.getKey(), f.getValue().asText("")));
      rows.add(row);
    }
    return rows;
  }

  private static int assertUnique(Path file, OutputFormat format, List<String> key)
      throws Exception {
    Set<List<String>> seen = new HashSet<>();
    List<Map<String, String>> rows = rows(file, format);
    for (Map<String, String> row : rows) {
      List<String> values = key.stream().map(c -> row.getOrDefault(c, "")).toList();
      assertThat(seen.add(values)).as(file.getFileName() + " key " + values).isTrue();
    }
    return rows.size();
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void everyFilesKey_isUnique_carriedRecordsIncluded(OutputFormat format) throws Exception {
    SimConfig config =
        new SimConfig()
            .accounts(3)
            .instances(900)
            .dbPerTarget(4)
            .hostsPerTarget(3)
            .reservedDbPerTarget(2)
            .nodesPerTarget(6)
            .applicationsPerNode(61)
            .licenseConfigurationsPerTarget(3);
    Path out = dir.resolve("out");
    Path schemas = dir.resolve("schemas");
    CliRun schema =
        CliRun.of("schema", "--output-dir", schemas.toString(), "--format", format.extension());
    assertThat(schema.exitCode()).as(schema.err()).isZero();
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      String ext = format.extension();
      CliRun first = SimulatedCollectTest.collectAs(ext, sim, out, "--resources", "all");
      assertThat(first.exitCode()).as(first.err()).isZero();
      sim.config().deniedAccounts(SimEstate.accountId(1));
      CliRun second = SimulatedCollectTest.collectAs(ext, sim, out, "--resources", "all");
      assertThat(second.exitCode()).as(second.err()).isEqualTo(3);

      JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
      assertThat(summary.findValues("carriedRecords").stream().mapToLong(JsonNode::asLong).sum())
          .isPositive();
      List<String> stems = new ArrayList<>();
      ResourceTypes.all().stream().map(ResourceType::fileStem).forEach(stems::add);
      stems.add("coverage");
      for (String stem : stems) {
        JsonNode key =
            JSON.readTree(schemas.resolve(stem + ".schema.json").toFile()).get("x-primary-key");
        assertThat(key).as(stem + " x-primary-key").isNotNull();
        List<String> columns = new ArrayList<>();
        key.forEach(c -> columns.add(c.asText()));
        assertThat(columns).contains("AccountId", "Region");
        int rows = assertUnique(out.resolve(stem + "." + ext), format, columns);
        assertThat(rows).as(stem + " rows").isPositive();
      }
    }
  }
}
