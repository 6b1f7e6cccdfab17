package io.awsinventory.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Two runs into one folder against moto, the second in another format after the estate changed:
 * what a run reads replaces what the previous set held (nothing is carried for a target read now),
 * a target that fails with nothing before it carries nothing, and the coverage and keys hold.
 */
class CarryRoundTripMotoIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  private static Map<String, JsonNode> coverage(Path out) throws Exception {
    Map<String, JsonNode> rows = new TreeMap<>();
    for (String line : Files.readAllLines(out.resolve("coverage.jsonl"))) {
      JsonNode row = JSON.readTree(line);
      rows.put(row.get("Region").asText() + "/" + row.get("Resource").asText(), row);
    }
    return rows;
  }

  @Test
  void aSecondRun_replacesWhatItRead_carriesNothingForWhatFailedFirst_keysUnique()
      throws Exception {
    MotoSeed seed =
        SeededMoto.changing(
            "carry-round-trip",
            () -> {
              MotoSeed made = new MotoSeed(MotoServer.endpoint());
              try (Ec2Client east = made.ec2("us-east-1");
                  Ec2Client west = made.ec2("eu-west-1")) {
                made.run(east, "us-east-1", MotoSeed.PUBLIC_AMI, 3, Map.of("Name", "a"));
                made.run(west, "eu-west-1", MotoSeed.PUBLIC_AMI, 2, Map.of("Name", "b"));
              }
              return made;
            });
    String[] scope = {"--resources", "instances,reserved-instances"};

    List<String> first = new ArrayList<>(List.of("--format", "csv"));
    first.addAll(List.of(scope));
    CliRun csv = CollectMotoIT.collect(out, first.toArray(String[]::new));
    // moto does not implement DescribeReservedInstances: those targets fail in both runs
    assertThat(csv.exitCode()).as(csv.err()).isEqualTo(3);

    String added;
    try (Ec2Client west = seed.ec2("eu-west-1")) {
      added = seed.run(west, "eu-west-1", MotoSeed.PUBLIC_AMI, 1, Map.of("Name", "c")).get(0);
    }
    List<String> second = new ArrayList<>(List.of("--format", "jsonl"));
    second.addAll(List.of(scope));
    CliRun jsonl = CollectMotoIT.collect(out, second.toArray(String[]::new));

    assertThat(jsonl.exitCode()).as(jsonl.err()).isEqualTo(3);
    Set<String> ids = new HashSet<>();
    for (String line : Files.readAllLines(out.resolve("ec2_instances.jsonl"))) {
      JsonNode record = JSON.readTree(line);
      assertThat(record.get("Stale").asBoolean()).isFalse();
      assertThat(ids.add(record.get("Region").asText() + "/" + record.get("InstanceId").asText()))
          .isTrue();
    }
    assertThat(ids).hasSize(6).contains("eu-west-1/" + added);
    assertThat(Files.exists(out.resolve("ec2_instances.csv"))).isFalse();
    assertThat(Files.exists(out.resolve("coverage.csv"))).isFalse();
    JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
    Map<String, JsonNode> rows = coverage(out);
    for (String region : List.of("us-east-1", "eu-west-1")) {
      JsonNode instances = rows.get(region + "/instances");
      assertThat(instances.get("Status").asText()).isEqualTo("ok");
      assertThat(instances.get("CarriedRecords").asLong()).isZero();
      assertThat(instances.get("LastOkAt").asText()).isEqualTo(summary.get("startedAt").asText());
      JsonNode reserved = rows.get(region + "/reserved-instances");
      assertThat(reserved.get("Status").asText()).isEqualTo("failed");
      assertThat(reserved.get("CarriedRecords").asLong()).isZero();
      assertThat(reserved.has("LastOkAt")).isFalse();
    }
    assertThat(rows.get("eu-west-1/instances").get("Records").asLong()).isEqualTo(3);
  }
}
