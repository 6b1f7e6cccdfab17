package io.awsinventory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.sim.SingleAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a newcomer meets it: help, typos, AWS CLI habits. */
class CommandLineTest {
  @TempDir Path out;

  @Test
  void typos_getOneSuggestion_exit2() {
    CliRun option = CliRun.of("collect", "--regoins", "eu-west-1");
    assertThat(option.exitCode()).isEqualTo(2);
    assertThat(option.err().strip().lines()).hasSize(1);
    assertThat(option.err()).contains("Did you mean: --regions?");

    CliRun command = CliRun.of("colect");
    assertThat(command.exitCode()).isEqualTo(2);
    assertThat(command.err()).contains("Did you mean: collect?");
  }

  @Test
  void bare_printsTheUsage() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: aws-inventory").contains("collect").contains("130");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void topLevelHelp_namesEveryResourceTypeOfTheRegistry_andFlagsTakeNoValue() {
    CliRun top = CliRun.of("--help");
    CliRun collect = CliRun.of("collect", "--help");

    assertThat(top.exitCode()).isZero();
    for (String type : io.awsinventory.collect.ResourceTypes.names()) {
      assertThat(top.out()).as(type).contains(type);
    }
    assertThat(io.awsinventory.collect.ResourceTypes.names()).hasSizeGreaterThanOrEqualTo(9);
    assertThat(collect.out()).contains("-v, --verbose ").doesNotContain("[=");
  }

  @Test
  void collectHelp_groupsOptionsUnderHeadings_withExamples_andWholeArns() {
    String help = CliRun.of("collect", "--help").out();

    assertThat(help)
        .contains("Credentials:")
        .contains("Roles and organization:")
        .contains("Scope:")
        .contains("Output:")
        .contains("Data Hub:")
        .contains("Network:")
        .contains("Logging:")
        .contains("Examples:")
        .contains("arn:{partition}:iam::{accountId}:role/OrganizationAccountAccessRole");
    assertThat(help.indexOf("--access-key-id"))
        .isBetween(help.indexOf("Credentials:"), help.indexOf("Roles and organization:"));
    assertThat(help.indexOf("--proxy")).isGreaterThan(help.indexOf("Network:"));
    assertThat(help.indexOf("--datahub-url"))
        .isBetween(help.indexOf("Data Hub:"), help.indexOf("Network:"));
  }

  @Test
  void regionAlias_andEmulatorKeys_areAccepted() throws Exception {
    try (SingleAccount aws = SingleAccount.start()) {
      aws.reservedInstances("");
      CliRun run =
          CliRun.of(
              "collect",
              "--endpoint-url",
              aws.endpoint().toString(),
              "--access-key-id",
              "testing",
              "--secret-access-key",
              "testing",
              "--region",
              "us-east-1",
              "--resources",
              "reserved-instances",
              "--quiet",
              "--output-dir",
              out.toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(Files.readString(out.resolve("run_summary.json")))
          .contains("\"regions\" : \"us-east-1\"");
    }
  }

  @Test
  void csvBom_startsEachCsvFileWithTheMark_andOnlyThen() throws Exception {
    try (SingleAccount aws = SingleAccount.start()) {
      aws.reservedInstances(
          "<item><reservedInstancesId>ri-1</reservedInstancesId><instanceType>m5.large"
              + "</instanceType><instanceCount>1</instanceCount><state>active</state>"
              + "<tagSet><item><key>Owner</key><value>Zoë</value></item></tagSet></item>");
      Path withBom = out.resolve("bom");
      Path without = out.resolve("plain");
      String[] csv = {"--format", "csv", "--quiet", "--output-dir"};
      assertThat(reservedFrom(aws, concat(csv, withBom.toString(), "--csv-bom")).exitCode())
          .isZero();
      assertThat(reservedFrom(aws, concat(csv, without.toString())).exitCode()).isZero();

      byte[] bom = Files.readAllBytes(withBom.resolve("ec2_reserved_instances.csv"));
      byte[] plain = Files.readAllBytes(without.resolve("ec2_reserved_instances.csv"));
      assertThat(bom).startsWith(0xEF, 0xBB, 0xBF);
      assertThat(plain[0]).isEqualTo((byte) 'A');
      assertThat(new String(bom, java.nio.charset.StandardCharsets.UTF_8)).contains("Zoë");
    }
  }

  @Test
  void tagColumns_thatNoRecordCarries_orWithoutCsv_getAWarning() throws Exception {
    try (SingleAccount aws = SingleAccount.start()) {
      aws.reservedInstances(
          "<item><reservedInstancesId>ri-1</reservedInstancesId><state>active</state>"
              + "<tagSet><item><key>Owner</key><value>ops</value></item></tagSet></item>");
      String[] into = {"--quiet", "--output-dir", out.toString()};
      CliRun csv =
          reservedFrom(aws, concat(into, "--format", "csv", "--tag-columns", "owner,Owner"));
      assertThat(csv.exitCode()).as(csv.err()).isZero();
      assertThat(csv.err().strip())
          .isEqualTo(
              "warning: --tag-columns: no record has the tag 'owner'; the records have 'Owner'"
                  + " (tag keys are case-sensitive)");

      CliRun json = reservedFrom(aws, concat(into, "--format", "json", "--tag-columns", "Owner"));
      assertThat(json.exitCode()).as(json.err()).isZero();
      assertThat(json.err()).contains("warning: --tag-columns applies to --format csv");
    }
  }

  @Test
  void endpointUserAndPassword_areDroppedAndNeverShown() throws Exception {
    try (SingleAccount aws = SingleAccount.start()) {
      aws.reservedInstances("");
      String endpoint = "http://svc:endpoint-pass-4711@127.0.0.1:" + aws.endpoint().getPort();
      CliRun run =
          CliRun.of(
              "collect",
              "--endpoint-url",
              endpoint,
              "--access-key-id",
              SingleAccount.ACCESS_KEY_ID,
              "--secret-access-key",
              SingleAccount.SECRET_ACCESS_KEY,
              "--regions",
              "us-east-1",
              "--resources",
              "reserved-instances",
              "--output-dir",
              out.toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      String summary = Files.readString(out.resolve("run_summary.json"));
      assertThat(summary)
          .contains("\"endpoint-url\" : \"http://127.0.0.1:" + aws.endpoint().getPort())
          .doesNotContain("endpoint-pass-4711");
      assertThat(run.err()).doesNotContain("endpoint-pass-4711");
    }
  }

  /** A collect of the reserved instances of us-east-1 from {@code aws}, with {@code extra}. */
  private static CliRun reservedFrom(SingleAccount aws, String... extra) {
    List<String> args = new ArrayList<>(List.of("collect"));
    args.addAll(aws.reachWith(SingleAccount.SECRET_ACCESS_KEY));
    args.addAll(List.of("--regions", "us-east-1", "--resources", "reserved-instances"));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static String[] concat(String[] base, String... more) {
    String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return all;
  }
}
