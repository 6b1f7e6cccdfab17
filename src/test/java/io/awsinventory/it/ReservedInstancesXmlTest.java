package io.awsinventory.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.cli.CliRun;
import io.awsinventory.sim.SingleAccount;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reserved instances end to end over HTTP, against a fake that speaks EC2's XML. */
class ReservedInstancesXmlTest {
  private static final String RESERVED =
      item("11111111-2222-3333-4444-555555555555", "m5.large", "active", "Team", "a,b \"c\"")
          + item("99999999-8888-7777-6666-555555555555", "c5.xlarge", "retired", "Team", "ops");

  private SingleAccount fake;
  @TempDir Path out;

  @BeforeEach
  void start() throws Exception {
    fake = SingleAccount.start();
    fake.reservedInstances(RESERVED);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private static String item(String id, String type, String state, String tagKey, String tagValue) {
    return "<item><reservedInstancesId>"
        + id
        + "</reservedInstancesId><instanceType>"
        + type
        + "</instanceType><availabilityZone>us-east-1b</availabilityZone>"
        + "<start>2025-07-14T11:00:00.000Z</start><end>2026-07-14T11:00:00.000Z</end>"
        + "<duration>31536000</duration><fixedPrice>120.5</fixedPrice><usagePrice>0.0</usagePrice>"
        + "<instanceCount>2</instanceCount><productDescription>Linux/UNIX (Amazon VPC)"
        + "</productDescription><state>"
        + state
        + "</state><instanceTenancy>default</instanceTenancy><currencyCode>USD</currencyCode>"
        + "<offeringType>Partial Upfront</offeringType><recurringCharges><item>"
        + "<frequency>Hourly</frequency><amount>0.012</amount></item></recurringCharges>"
        + "<offeringClass>standard</offeringClass><scope>Availability Zone</scope>"
        + "<tagSet><item><key>"
        + tagKey
        + "</key><value>"
        + tagValue.replace("\"", "&quot;")
        + "</value></item></tagSet></item>";
  }

  private CliRun collect(String... extra) {
    List<String> options = fake.reservedInstancesInto(out, SingleAccount.SECRET_ACCESS_KEY);
    options.add("--quiet");
    return CliRun.of("collect", options, extra);
  }

  @Test
  void collect_reservedInstances_everyStateInEveryEnabledRegion() throws Exception {
    CliRun run = collect();

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode records =
        new ObjectMapper().readTree(out.resolve("ec2_reserved_instances.json").toFile());
    // two enabled regions in the fake, each answering the same two reservations
    assertThat(records).hasSize(4);
    JsonNode first = records.get(0);
    assertThat(first.get("AccountId").asText()).isEqualTo(SingleAccount.ACCOUNT_ID);
    assertThat(first.get("Region").asText()).isEqualTo("eu-west-1");
    assertThat(first.get("ReservedInstancesId").asText())
        .isEqualTo("11111111-2222-3333-4444-555555555555");
    assertThat(first.get("State").asText()).isEqualTo("active");
    assertThat(first.get("Start").asText()).isEqualTo("2025-07-14T11:00:00Z");
    assertThat(first.get("FixedPrice").asDouble()).isEqualTo(120.5);
    assertThat(first.get("RecurringCharges").get(0).get("Frequency").asText()).isEqualTo("Hourly");
    assertThat(first.get("Tags").get(0).get("Value").asText()).isEqualTo("a,b \"c\"");
    assertThat(records.get(1).get("State").asText()).isEqualTo("retired");
    assertThat(fake.requests("DescribeReservedInstances")).isEqualTo(2);

    JsonNode summary = new ObjectMapper().readTree(out.resolve("run_summary.json").toFile());
    assertThat(summary.get("targets").findValuesAsText("status"))
        .containsExactly("not-enabled", "ok", "ok");
  }

  @Test
  void collect_reservedInstancesCsv_declaredColumns() throws Exception {
    CliRun run = collect("--format", "csv", "--regions", "us-east-1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    var rows = CollectMotoIT.readCsv(out.resolve("ec2_reserved_instances.csv"));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).get("Tags")).isEqualTo("{\"Team\":\"a,b \\\"c\\\"\"}");
    assertThat(rows.get(0).get("InstanceCount")).isEqualTo("2");
    assertThat(rows.get(1).get("State")).isEqualTo("retired");
  }
}
