package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.cli.CliRun;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.schema.SchemaCheck;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The schemas {@code aws-inventory schema} writes accept every file a real run writes, in each
 * format, and the run summary of a partial run; and they reject records that break them.
 */
class SchemaValidationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private static AwsSimulator sim;

  @BeforeAll
  static void start() throws Exception {
    // a suspended account (skipped rows) and a denied API (denied rows with error codes)
    sim =
        AwsSimulator.start(
            new SimConfig()
                .accounts(4)
                .suspendedEvery(4)
                .instances(600)
                .deniedApis("DescribeReservedInstances"));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private Path schemas(String format) {
    Path schemas = dir.resolve("schemas-" + format);
    CliRun run = CliRun.of("schema", "--output-dir", schemas.toString(), "--format", format);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().map(Path::of).map(Path::getFileName).map(Path::toString))
        .containsExactly(
            "ec2_instances.schema.json",
            "ec2_reserved_instances.schema.json",
            "ec2_images.schema.json",
            "rds_db_instances.schema.json",
            "ec2_hosts.schema.json",
            "ec2_instance_types.schema.json",
            "rds_reserved_db_instances.schema.json",
            "ssm_applications.schema.json",
            "license_manager_usage.schema.json",
            "ssm_managed_nodes.schema.json",
            "coverage.schema.json",
            "run_summary.schema.json");
    return schemas;
  }

  private Path collect(String format) {
    Path out = dir.resolve("out-" + format);
    CliRun run =
        SimulatedCollectTest.collectAs(
            format, sim, out, "--tag-columns", "Name,env", "--resources", "all");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    return out;
  }

  @ParameterizedTest
  @EnumSource(OutputFormat.class)
  void everyFileAndTheSummary_validate(OutputFormat format) throws Exception {
    Path schemas = schemas(format.extension());
    Path out = collect(format.extension());

    int records = SchemaCheck.assertRunValid(schemas, out, format);

    assertThat(records).isGreaterThan(600);
    JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
    assertThat(summary.get("targets").findValuesAsText("status"))
        .contains("ok", "denied", "not-enabled");
  }

  @Test
  void recordsThatBreakTheSchema_areRejected() throws Exception {
    Path schemas = schemas("jsonl");
    Path out = collect("jsonl");
    SchemaCheck instances = SchemaCheck.of(schemas.resolve("ec2_instances.schema.json"));
    ObjectNode record =
        (ObjectNode) JSON.readTree(Files.readAllLines(out.resolve("ec2_instances.jsonl")).get(0));
    assertThat(instances.errors(record)).isEmpty();

    ObjectNode unknownMember = record.deepCopy().put("NotAnAwsMember", "x");
    ObjectNode wrongType = record.deepCopy();
    wrongType.with("State").put("Code", "sixteen");
    ObjectNode noId = record.deepCopy();
    noId.remove("InstanceId");
    ObjectNode badTime = record.deepCopy().put("CollectedAt", "yesterday");

    for (ObjectNode broken : List.of(unknownMember, wrongType, noId, badTime)) {
      assertThat(instances.errors(broken)).as(broken.toString()).isNotEmpty();
    }
  }
}
