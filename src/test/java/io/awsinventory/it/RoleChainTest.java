package io.awsinventory.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.cli.CliRun;
import io.awsinventory.sim.SingleAccount;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Role chains over HTTP against the simulator's STS, which (unlike moto) checks what matters here:
 * the external id sent on each hop, and sessions that expire.
 */
class RoleChainTest {
  private static final String RESERVED =
      "<item><reservedInstancesId>ri-1</reservedInstancesId><instanceType>m5.large</instanceType>"
          + "<instanceCount>1</instanceCount><state>active</state></item>";
  private static final ObjectMapper JSON = new ObjectMapper();

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

  private CliRun collect(String... extra) {
    List<String> options = fake.reservedInstancesInto(out, SingleAccount.SECRET_ACCESS_KEY);
    options.add("--quiet");
    return CliRun.of("collect", options, extra);
  }

  private List<Map<String, String>> assumeRoleCalls() {
    return fake.received().stream().filter(f -> "AssumeRole".equals(f.get("Action"))).toList();
  }

  private JsonNode summary() throws Exception {
    return JSON.readTree(out.resolve("run_summary.json").toFile());
  }

  @Test
  void collect_twoHopChain_sendsEachHopsExternalIdAndRecordsEveryIdentity() throws Exception {
    CliRun run =
        collect(
            "--regions", "us-east-1",
            "--assume-role-arn", "arn:aws:iam::111122223333:role/hop-one",
            "--assume-role-arn", "arn:aws:iam::444455556666:role/inventory-reader",
            "--external-ids", "first-external-id,second-external-id");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<Map<String, String>> calls = assumeRoleCalls();
    assertThat(calls)
        .extracting(c -> c.get("RoleArn"))
        .containsExactly(
            "arn:aws:iam::111122223333:role/hop-one",
            "arn:aws:iam::444455556666:role/inventory-reader");
    assertThat(calls)
        .extracting(c -> c.get("ExternalId"))
        .containsExactly("first-external-id", "second-external-id");
    assertThat(calls).extracting(c -> c.get("RoleSessionName")).containsOnly("aws-inventory");
    JsonNode identities = summary().get("identities");
    assertThat(identities.findValuesAsText("hop")).containsExactly("base", "hop 1", "hop 2");
    assertThat(identities.findValuesAsText("arn"))
        .containsExactly(
            "arn:aws:iam::111122223333:user/inventory",
            "arn:aws:sts::111122223333:assumed-role/hop-one/aws-inventory",
            "arn:aws:sts::444455556666:assumed-role/inventory-reader/aws-inventory");
    JsonNode records = JSON.readTree(out.resolve("ec2_reserved_instances.json").toFile());
    assertThat(records.findValuesAsText("AccountId")).containsOnly("444455556666");
    assertThat(fake.accountsSeen()).containsOnly("444455556666");
  }

  @Test
  void collect_memberAccounts_reachedFromTheLastHop_withTheExternalIdOnEveryHop() throws Exception {
    CliRun run =
        collect(
            "--regions", "us-east-1",
            "--assume-role-arn", "arn:aws:iam::111122223333:role/hop-one",
            "--external-id", "shared-external-id",
            "--accounts", "210987654321,123123123123",
            "--member-role-arn", "arn:{partition}:iam::{accountId}:role/Inventory");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(assumeRoleCalls())
        .extracting(c -> c.get("ExternalId"))
        .containsOnly("shared-external-id");
    assertThat(assumeRoleCalls())
        .extracting(c -> c.get("RoleArn"))
        .contains(
            "arn:aws:iam::210987654321:role/Inventory", "arn:aws:iam::123123123123:role/Inventory");
    JsonNode records = JSON.readTree(out.resolve("ec2_reserved_instances.json").toFile());
    assertThat(records.findValuesAsText("AccountId"))
        .containsExactly("123123123123", "210987654321");
    JsonNode accounts = summary().get("accounts");
    assertThat(accounts.findValuesAsText("identity"))
        .containsExactly(
            "arn:aws:sts::123123123123:assumed-role/Inventory/aws-inventory",
            "arn:aws:sts::210987654321:assumed-role/Inventory/aws-inventory");
  }

  @Test
  void collect_memberRoleDenied_isolatesThatAccount_exit3() throws Exception {
    fake.denyAssumeRole("arn:aws:iam::210987654321:role/OrganizationAccountAccessRole");

    CliRun run = collect("--regions", "us-east-1", "--accounts", "210987654321,123123123123");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    JsonNode summary = summary();
    JsonNode denied = summary.get("accounts").get(1);
    assertThat(denied.get("accountId").asText()).isEqualTo("210987654321");
    assertThat(denied.get("status").asText()).isEqualTo("denied");
    assertThat(denied.get("message").asText()).contains("AccessDenied");
    JsonNode rows = summary.get("targets");
    assertThat(rows.findValuesAsText("status")).containsExactly("ok", "denied");
    assertThat(rows.get(1).get("region").asText()).isEqualTo("*");
    assertThat(
            JSON.readTree(out.resolve("ec2_reserved_instances.json").toFile())
                .findValuesAsText("AccountId"))
        .containsExactly("123123123123");
  }

  @Test
  void collect_everyAccountUnreachable_exits4AndWritesNothing() throws Exception {
    fake.denyAssumeRole("arn:aws:iam::210987654321:role/OrganizationAccountAccessRole");

    CliRun run = collect("--regions", "us-east-1", "--accounts", "210987654321");

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err()).contains("210987654321").contains("AccessDenied");
    assertThat(out.resolve("run_summary.json")).doesNotExist();
  }

  @Test
  void collect_firstHopDenied_exits4NamingTheHop() {
    fake.denyAssumeRole("arn:aws:iam::111122223333:role/hop-one");

    CliRun run = collect("--assume-role-arn", "arn:aws:iam::111122223333:role/hop-one");

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err().strip())
        .startsWith(
            "aws-inventory: authentication failed at hop 1 (arn:aws:iam::111122223333:role/hop-one): AccessDenied");
    assertThat(fake.requests("DescribeReservedInstances")).isZero();
  }

  @Test
  void collect_runLongerThanThreeTokenLifetimes_reassumesAndCompletes() throws Exception {
    Duration lifetime = Duration.ofSeconds(1);
    fake.tokenLifetime(lifetime);
    fake.latency(Duration.ofMillis(1100));
    long start = System.nanoTime();

    CliRun run =
        collect(
            "--concurrency", "1",
            "--assume-role-arn", "arn:aws:iam::111122223333:role/hop-one",
            "--assume-role-arn", "arn:aws:iam::444455556666:role/inventory-reader");

    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(elapsed).isGreaterThan(lifetime.multipliedBy(3));
    assertThat(fake.expiredRejections()).isZero();
    // every hop was assumed again as its session ran out
    assertThat(assumeRoleCalls().size()).isGreaterThanOrEqualTo(6);
    assertThat(JSON.readTree(out.resolve("ec2_reserved_instances.json").toFile())).hasSize(2);
  }

  @Test
  void collect_webIdentityBase_sendsTheTokenUnsignedAndActsInTheRolesAccount(@TempDir Path dir)
      throws Exception {
    Path token =
        java.nio.file.Files.writeString(dir.resolve("token"), "eyJhbGciOi.payload.signature");

    CliRun run =
        CliRun.of(
            "collect",
            "--endpoint-url",
            fake.endpoint().toString(),
            "--web-identity-token-file",
            token.toString(),
            "--web-identity-role-arn",
            "arn:aws:iam::777788889999:role/ci-inventory",
            "--resources",
            "reserved-instances",
            "--regions",
            "us-east-1",
            "--output-dir",
            out.toString(),
            "--quiet");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, String> call =
        fake.received().stream()
            .filter(f -> "AssumeRoleWithWebIdentity".equals(f.get("Action")))
            .findFirst()
            .orElseThrow();
    assertThat(call.get("WebIdentityToken")).isEqualTo("eyJhbGciOi.payload.signature");
    assertThat(call.get("RoleArn")).isEqualTo("arn:aws:iam::777788889999:role/ci-inventory");
    assertThat(
            JSON.readTree(out.resolve("ec2_reserved_instances.json").toFile())
                .findValuesAsText("AccountId"))
        .containsOnly("777788889999");
    assertThat(summary().get("options").get("credentials").asText())
        .isEqualTo("web identity for arn:aws:iam::777788889999:role/ci-inventory");
  }
}
