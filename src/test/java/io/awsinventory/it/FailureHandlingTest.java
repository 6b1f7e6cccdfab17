package io.awsinventory.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.cli.CliRun;
import io.awsinventory.sim.SingleAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Denials, rejected credentials and what they leave in the output folder. */
class FailureHandlingTest {
  private static final String SECRET = "fake-secret-DISTINCTIVE-9f8e7d6c5b4a3210";
  private SingleAccount fake;
  @TempDir Path out;

  @BeforeEach
  void start() throws Exception {
    fake = SingleAccount.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private CliRun collect(String... extra) {
    return CliRun.of("collect", fake.reservedInstancesInto(out, SECRET), extra);
  }

  private List<String> listing() throws Exception {
    try (Stream<Path> files = Files.list(out)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(name -> !name.startsWith("."))
          .sorted()
          .toList();
    }
  }

  /** Exit 4 and one line that names the base credentials' rejection, no secret in it. */
  private static void assertRejectedCredentials(CliRun run) {
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err().strip())
        .startsWith(
            "aws-inventory: authentication failed at the base credentials (static keys):"
                + " InvalidClientTokenId")
        .doesNotContain(SECRET);
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void collect_rejectedCredentials_exits4AndKeepsThePreviousFiles() throws Exception {
    Files.writeString(out.resolve("ec2_reserved_instances.json"), "[previous]");
    Files.writeString(out.resolve("run_summary.json"), "{previous}");
    fake.rejectCredentials();

    CliRun run = collect();

    assertRejectedCredentials(run);
    assertThat(Files.readString(out.resolve("ec2_reserved_instances.json")))
        .isEqualTo("[previous]");
    assertThat(Files.readString(out.resolve("run_summary.json"))).isEqualTo("{previous}");
    assertThat(listing()).containsExactly("ec2_reserved_instances.json", "run_summary.json");
    assertThat(fake.requests("DescribeReservedInstances")).isZero();
  }

  @Test
  void collect_rejectedCredentials_listingTheOrganization_namesTheCredentialsNotTheListing() {
    fake.rejectCredentials();

    // the listing's first page and the credentials' check go out together; the check's
    // failure is the one reported
    CliRun run = collect("--list-accounts");

    assertRejectedCredentials(run);
    assertThat(fake.requests("DescribeReservedInstances")).isZero();
  }

  @Test
  void collect_deniedResource_isDeniedInTheSummaryAndExits3() throws Exception {
    fake.deny("DescribeReservedInstances");

    CliRun run = collect("--regions", "us-east-1");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err())
        .contains(
            "denied: account 111122223333, us-east-1, reserved-instances: UnauthorizedOperation");
    JsonNode row =
        new ObjectMapper().readTree(out.resolve("run_summary.json").toFile()).get("targets").get(0);
    assertThat(row.get("status").asText()).isEqualTo("denied");
    assertThat(row.get("errorCode").asText()).isEqualTo("UnauthorizedOperation");
    assertThat(listing())
        .containsExactly("coverage.json", "ec2_reserved_instances.json", "run_summary.json");
  }

  @Test
  void collect_aRegionNamedButEnabledNowhere_isNotEnabled_withoutACall_andExits3()
      throws Exception {
    CliRun run = collect("--regions", "af-south-1");

    // nothing collected where the user asked is not a complete run
    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.err())
        .contains(
            "failed: --regions: af-south-1 is enabled in none of the accounts reached"
                + " (111122223333)");
    JsonNode row =
        new ObjectMapper().readTree(out.resolve("run_summary.json").toFile()).get("targets").get(0);
    assertThat(row.get("status").asText()).isEqualTo("not-enabled");
    assertThat(row.get("message").asText()).contains("not-opted-in");
    assertThat(fake.requests("DescribeReservedInstances")).isZero();
  }

  @Test
  void collect_describeRegionsDenied_withoutRegions_exits4() throws Exception {
    fake.deny("DescribeRegions");

    CliRun run = collect();

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err())
        .contains("ec2:DescribeRegions")
        .contains("UnauthorizedOperation")
        .contains("give --regions to collect the regions you name without it");
  }

  @Test
  void check_deniedCall_namesTheMissingAction_exit3() throws Exception {
    fake.deny("DescribeReservedInstances");

    CliRun run =
        CliRun.of(
            "check",
            "--endpoint-url",
            fake.endpoint().toString(),
            "--access-key-id",
            "AKIAFAKEFAKEFAKEFAKE",
            "--secret-access-key",
            SECRET,
            "--resources",
            "reserved-instances",
            "--output",
            "json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    JsonNode checks = new ObjectMapper().readTree(run.out()).get("checks");
    assertThat(checks.findValuesAsText("status"))
        .containsExactly("not-enabled", "denied", "denied");
    assertThat(checks.get(1).get("missingAction").asText())
        .isEqualTo("ec2:DescribeReservedInstances");
    assertThat(run.out() + run.err()).doesNotContain(SECRET);
  }

  @Test
  void check_rejectedCredentials_exit4() {
    fake.rejectCredentials();

    CliRun run =
        CliRun.of(
            "check",
            "--endpoint-url",
            fake.endpoint().toString(),
            "--access-key-id",
            "AKIAFAKEFAKEFAKEFAKE",
            "--secret-access-key",
            SECRET);

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err()).contains("InvalidClientTokenId").doesNotContain(SECRET);
  }
}
