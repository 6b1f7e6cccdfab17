package io.awsinventory.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.awsinventory.cli.CliRun;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.schema.SchemaCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code collect} in-process against moto, in all three formats. */
class CollectMotoIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static MotoSeed seed;

  @TempDir Path out;

  @BeforeAll
  static void seed() throws Exception {
    seed = SeededMoto.standard();
  }

  static CliRun collect(Path dir, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--home-region",
                "us-east-1",
                "--regions",
                "us-east-1,eu-west-1",
                "--output-dir",
                dir.toString(),
                "--quiet"));
    args.addAll(List.of(extra));
    return CliRun.of("collect", MotoSeed.reach(), args.toArray(String[]::new));
  }

  @Test
  void collect_json_writesExactlyTheSeededRecordsWithContext() throws Exception {
    CliRun run = collect(out, "--format", "json");

    // moto does not implement DescribeReservedInstances: that resource fails, the rest is complete
    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    JsonNode instances = JSON.readTree(out.resolve("ec2_instances.json").toFile());
    assertThat(ids(instances, "InstanceId", "us-east-1"))
        .isEqualTo(seed.instanceIdsByRegion.get("us-east-1"));
    assertThat(ids(instances, "InstanceId", "eu-west-1"))
        .isEqualTo(seed.instanceIdsByRegion.get("eu-west-1"));
    assertThat(instances.size()).isEqualTo(seed.instanceCount()).isGreaterThan(1000);
    for (JsonNode record : instances) {
      assertThat(record.get("AccountId").asText()).isEqualTo(MotoSeed.ACCOUNT_ID);
      assertThat(Instant.parse(record.get("CollectedAt").asText()))
          .isBeforeOrEqualTo(Instant.now());
      assertThat(record.get("State").get("Name").asText()).isNotEmpty();
      assertThat(record.get("ReservationId").asText()).startsWith("r-");
    }
    assertThat(fieldNames(instances.get(0)).subList(0, 3))
        .containsExactly("AccountId", "Region", "CollectedAt");
    assertSorted(instances, "InstanceId");
    Set<String> states = new TreeSet<>();
    instances.forEach(r -> states.add(r.get("State").get("Name").asText()));
    assertThat(states).contains("running", "stopped", "terminated");

    JsonNode db = JSON.readTree(out.resolve("rds_db_instances.json").toFile());
    assertThat(ids(db, "DBInstanceIdentifier", "eu-west-1"))
        .isEqualTo(seed.dbInstanceIdsByRegion.get("eu-west-1"))
        .hasSizeGreaterThan(100);
    assertThat(db.get(0).get("TagList").get(0).get("Key").asText()).isEqualTo("Name");

    JsonNode images = JSON.readTree(out.resolve("ec2_images.json").toFile());
    Map<String, String> stateById = new HashMap<>();
    for (JsonNode image : images) {
      if (image.get("Region").asText().equals("us-east-1")) {
        stateById.put(image.get("ImageId").asText(), image.get("State").asText());
      }
    }
    assertThat(stateById.keySet())
        .containsAll(seed.ownedImageIds)
        .contains(MotoSeed.PUBLIC_AMI, seed.missingImageId);
    assertThat(stateById.get(seed.missingImageId)).isEqualTo("missing");
    assertThat(stateById.get(MotoSeed.PUBLIC_AMI)).isEqualTo("available");

    assertThat(JSON.readTree(out.resolve("ec2_reserved_instances.json").toFile())).isEmpty();

    JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
    assertThat(summary.get("exitCode").asInt()).isEqualTo(3);
    long summaryInstances = 0;
    for (JsonNode row : summary.get("targets")) {
      String resource = row.get("resource").asText();
      if (resource.equals("reserved-instances")) {
        assertThat(row.get("status").asText()).isEqualTo("failed");
        assertThat(row.get("errorCode").asText()).isNotBlank();
      } else {
        assertThat(row.get("status").asText()).as(row.toString()).isEqualTo("ok");
      }
      if (resource.equals("instances")) {
        summaryInstances += row.get("records").asLong();
      }
    }
    assertThat(summaryInstances).isEqualTo(seed.instanceCount());
    assertThat(summary.get("targets")).hasSize(8);
    assertThat(summary.get("identities").get(0).get("accountId").asText())
        .isEqualTo(MotoSeed.ACCOUNT_ID);
    assertThat(summary.toString()).doesNotContain(MotoSeed.SECRET_ACCESS_KEY);
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(name -> !name.startsWith(".")))
          .containsExactlyInAnyOrder(
              "ec2_instances.json",
              "ec2_reserved_instances.json",
              "ec2_images.json",
              "rds_db_instances.json",
              "coverage.json",
              "run_summary.json");
    }
  }

  @Test
  void collect_motoRecords_validateAgainstTheShippedSchemas() throws Exception {
    Path schemas = out.resolve("schemas");
    CliRun schema = CliRun.of("schema", "--output-dir", schemas.toString(), "--format", "jsonl");
    assertThat(schema.exitCode()).as(schema.err()).isZero();
    Path files = out.resolve("files");
    CliRun run = collect(files, "--format", "jsonl");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);

    int records = SchemaCheck.assertRunValid(schemas, files, OutputFormat.JSONL);

    assertThat(records).isGreaterThan(seed.instanceCount());
  }

  @Test
  void collect_jsonl_writesOneRecordPerLine() throws Exception {
    CliRun run = collect(out, "--format", "jsonl", "--resources", "instances,db-instances");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    List<String> lines = Files.readAllLines(out.resolve("ec2_instances.jsonl"));
    assertThat(lines).hasSize(seed.instanceCount());
    Set<String> ids = new TreeSet<>();
    for (String line : lines) {
      ids.add(JSON.readTree(line).get("InstanceId").asText());
    }
    Set<String> seeded = new TreeSet<>();
    seed.instanceIdsByRegion.values().forEach(seeded::addAll);
    assertThat(ids).isEqualTo(seeded);
    assertThat(Files.readAllLines(out.resolve("rds_db_instances.jsonl"))).hasSize(105);
    assertThat(out.resolve("ec2_images.jsonl")).doesNotExist();
  }

  @Test
  void collect_csv_roundTripsEveryTagValue() throws Exception {
    CliRun run =
        collect(
            out,
            "--format",
            "csv",
            "--resources",
            "instances,images,db-instances",
            "--tag-columns",
            "Name,Formula,Unicode");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    List<Map<String, String>> rows = readCsv(out.resolve("ec2_instances.csv"));
    assertThat(rows).hasSize(seed.instanceCount());
    int awkward = 0;
    for (Map<String, String> row : rows) {
      if (seed.awkwardInstanceIds.contains(row.get("InstanceId"))) {
        awkward++;
        Map<String, String> tags = new HashMap<>();
        JSON.readTree(row.get("Tags"))
            .fields()
            .forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
        assertThat(tags).isEqualTo(MotoSeed.AWKWARD_TAGS);
        assertThat(row.get("Tag:Name")).isEqualTo(MotoSeed.AWKWARD_TAGS.get("Name"));
        assertThat(row.get("Tag:Formula")).isEqualTo("=SUM(A1:A2)");
        assertThat(row.get("Tag:Unicode")).isEqualTo(MotoSeed.AWKWARD_TAGS.get("Unicode"));
      }
      assertThat(row.get("AccountId")).isEqualTo(MotoSeed.ACCOUNT_ID);
      assertThat(row.get("State.Name")).isNotEmpty();
      assertThat(row.get("Placement.AvailabilityZone")).startsWith(row.get("Region"));
    }
    assertThat(awkward).isEqualTo(9);
    assertThat(readCsv(out.resolve("rds_db_instances.csv"))).hasSize(105);
    assertThat(readCsv(out.resolve("ec2_images.csv")))
        .anySatisfy(r -> assertThat(r.get("State")).isEqualTo("missing"));
  }

  static List<Map<String, String>> readCsv(Path file) throws Exception {
    CsvMapper csv = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<String[]> it =
        csv.readerFor(String[].class).readValues(Files.readString(file, StandardCharsets.UTF_8))) {
      String[] header = it.next();
      while (it.hasNext()) {
        String[] cells = it.next();
        assertThat(cells).hasSameSizeAs(header);
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
          row.put(header[i], cells[i]);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  static Set<String> ids(JsonNode records, String member, String region) {
    Set<String> ids = new TreeSet<>();
    for (JsonNode record : records) {
      if (record.get("Region").asText().equals(region)) {
        assertThat(ids.add(record.get(member).asText()))
            .as("duplicate " + record.get(member))
            .isTrue();
      }
    }
    return ids;
  }

  static List<String> fieldNames(JsonNode record) {
    List<String> names = new ArrayList<>();
    record.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static void assertSorted(JsonNode records, String member) {
    String previous = "";
    for (JsonNode record : records) {
      String key =
          record.get("AccountId").asText()
              + "/"
              + record.get("Region").asText()
              + "/"
              + record.get(member).asText();
      assertThat(key).isGreaterThanOrEqualTo(previous);
      previous = key;
    }
  }
}
