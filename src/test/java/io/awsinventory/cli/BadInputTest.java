package io.awsinventory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad input ends with exit 2 and one line naming the option, before any AWS call: the
 * simulator counts zero calls.
 */
class BadInputTest {
  private static AwsSimulator simulator;
  private static Path dir;
  private static Path aFile;
  private static Path regionsFile;
  private static Path emptyFile;

  @BeforeAll
  static void start() throws Exception {
    simulator = AwsSimulator.start(new SimConfig());
    dir = Files.createTempDirectory("bad-input");
    aFile = Files.writeString(dir.resolve("a-file.txt"), "not a folder");
    regionsFile = Files.writeString(dir.resolve("regions.txt"), "eu-west-1\n");
    emptyFile = Files.writeString(dir.resolve("empty-token"), "");
  }

  @AfterAll
  static void stop() {
    simulator.close();
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        bad("--format", "--format", "xml"),
        bad("--regions", "--regions", "eu_west_1!"),
        bad("--regions", "--regions", "us-east-1,nowhere-9"),
        bad("--regions", "--regions", "us-east-1,cn-north-1"),
        bad("--home-region", "--home-region", "mars-north-1"),
        bad("--output-dir", "--output-dir", "@FILE"),
        bad("--output-dir", "--output-dir", ""),
        bad("--concurrency", "--concurrency", "0"),
        bad("--concurrency", "--concurrency", "-4"),
        bad("--concurrency", "--concurrency", "many"),
        bad("--max-rate", "--max-rate", "-1"),
        bad("--max-rate", "--max-rate", "fast"),
        bad("--carry-forward-days", "--carry-forward-days", "-1"),
        bad("--carry-forward-days", "--carry-forward-days", "a week"),
        bad("--carry-forward-days", "--carry-forward-days", "3651"),
        bad("--resources", "--resources", "instances,vms"),
        bad("--inventory-sync", "--resources", "applications", "--inventory-sync", "b/p"),
        bad("--inventory-sync", "--resources", "applications", "--inventory-sync", "s3://B_d"),
        bad("--inventory-sync", "--inventory-sync", "s3://inventory/sync"),
        bad("--endpoint-url", "--endpoint-url", "ftp://127.0.0.1:1"),
        bad("--endpoint-url", "--endpoint-url", "http://"),
        bad("--endpoint-url", "--endpoint-url", "http://127.0.0.1:99999"),
        bad("--proxy", "--proxy", "http://127.0.0.1:99999"),
        bad(
            "--access-key-id",
            "--access-key-id",
            "bad key!",
            "--secret-access-key",
            "x".repeat(40)),
        bad("--access-key-id", "--access-key-id", " ", "--secret-access-key", "x".repeat(40)),
        bad("--profile", "--profile", "dev", "--access-key-id", "AKIAIOSFODNN7EXAMPLE"),
        bad(
            "--secret-access-key-file",
            "--access-key-id",
            "AKIAIOSFODNN7EXAMPLE",
            "--secret-access-key-file",
            "/nonexistent/secret.txt"),
        bad(
            "--secret-access-key",
            "--access-key-id",
            "AKIAIOSFODNN7EXAMPLE",
            "--secret-access-key",
            "abc",
            "--secret-access-key-file",
            "/etc/hostname"),
        bad("--secret-access-key", "--secret-access-key", "x".repeat(40)),
        bad("--session-token", "--session-token", "token-without-keys"),
        bad("--quiet", "--quiet", "--verbose"),
        bad("--tag-columns", "--tag-columns", "Name,bad\u0001key"),
        bad("--no-such-option", "--no-such-option"),
        bad("--shard", "--shard", "4/3"),
        bad("--shard", "--shard", "first"),
        bad("--assume-role-arn", "--assume-role-arn", "arn:aws:iam::12345:role/short-account"),
        bad("--assume-role-arn", "--assume-role-arn", "arn:aws:iam::123456789012:user/not-a-role"),
        bad(
            "--assume-role-arn",
            "--assume-role-arn",
            "arn:aws-cn:iam::123456789012:role/other-partition"),
        bad(
            "--member-role-arn",
            "--list-accounts",
            "--member-role-arn",
            "arn:aws:iam::123456789012:role/Fixed"),
        bad(
            "--member-role-arn",
            "--member-role-arn",
            "arn:{partition}:iam::{accountId}:role/NoListing"),
        bad("--external-id", "--external-id", "x"),
        bad("--external-id", "--external-id", "has spaces in it"),
        bad(
            "--external-ids",
            "--assume-role-arn",
            "arn:aws:iam::123456789012:role/a",
            "--external-ids",
            "one,two"),
        bad("--role-session-name", "--role-session-name", "bad name!"),
        bad("--role-duration-seconds", "--role-duration-seconds", "60"),
        bad("--organizational-unit", "--organizational-unit", "ou-abcd-12345678"),
        bad("--organizational-unit", "--list-accounts", "--organizational-unit", "sales"),
        bad("--accounts", "--accounts", "12345"),
        bad(
            "--exclude-accounts",
            "--accounts",
            "111111111111",
            "--exclude-accounts",
            "111111111111"),
        bad("--profile", "--profile", "aws-inventory-test-no-such-profile"),
        bad("--exclude-accounts", "--exclude-accounts", "abcdefghijkl"),
        bad("--web-identity-token-file", "--web-identity-token-file", "/etc/hostname"),
        bad(
            "--web-identity-token-file",
            "--web-identity-token-file",
            "/nonexistent/token",
            "--web-identity-role-arn",
            "arn:aws:iam::123456789012:role/ci"),
        bad(
            "--web-identity-role-arn",
            "--web-identity-role-arn",
            "arn:aws:iam::123456789012:role/ci"),
        bad("--config", "--config", "/nonexistent/aws-inventory.conf"),
        bad("--proxy", "--proxy", "socks5://127.0.0.1:1080"),
        bad("--proxy", "--proxy", "http://proxy.corp:3128/path"),
        bad("--ca-bundle", "--ca-bundle", "/nonexistent/corporate-ca.pem"),
        bad("--ca-bundle", "--ca-bundle", "/etc/hostname"),
        bad("--format", "--format"),
        bad("--config", "--config", "/dev/zero"),
        bad(
            "--secret-access-key-file",
            "--access-key-id",
            "AKIAIOSFODNN7EXAMPLE",
            "--secret-access-key-file",
            "/dev/zero"),
        bad("--ca-bundle", "--ca-bundle", "/dev/zero"),
        bad("--regions", "--regions", "@REGIONS"),
        bad(
            "--web-identity-token-file",
            "--web-identity-token-file",
            "@EMPTY",
            "--web-identity-role-arn",
            "arn:aws:iam::123456789012:role/ci"),
        bad("--output-dir", "--output-dir", "/tmp/" + "deep/".repeat(800)),
        // an empty value never widens the scope to everything
        bad("--regions", "--regions", ""),
        bad("--regions", "--regions", ",,,"),
        bad("--regions", "--regions", "eu-west-1,,us-east-1"),
        bad("--accounts", "--accounts", ""),
        bad("--resources", "--resources", ""),
        bad("--exclude-accounts", "--exclude-accounts", " "),
        bad("--profile", "--profile", ""),
        bad(
            "--assume-role-arn",
            "--assume-role-arn",
            "arn:aws:iam::123456789012:role/a,,arn:aws:iam::123456789012:role/b"),
        // one rule for repeats: a single-valued option given twice is an error
        bad("--format", "--format", "csv", "--format", "json"),
        bad("--timeout", "--timeout", "5", "--timeout", "6"),
        bad("--list-accounts", "--list-accounts", "--list-accounts"),
        // a value cannot break the one line or add a warning
        bad("--regions", "--regions", "eu-west-1\nus-east-1"),
        bad("--regions", "--regions", "eu-west-1\""),
        bad("--role-session-name", "--role-session-name", "a\u001b[2Jb"));
  }

  private static Arguments bad(String option, String... args) {
    return Arguments.of(option, List.of(args));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badInputs")
  void collect_badInput_exits2WithOneLineNamingTheOption(String option, List<String> input) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "collect",
                "--endpoint-url",
                simulator.endpoint().toString(),
                "--output-dir",
                dir.toString()));
    for (String arg : input) {
      args.add(
          switch (arg) {
            case "@FILE" -> aFile.toString();
            case "@REGIONS" -> "@" + regionsFile;
            case "@EMPTY" -> emptyFile.toString();
            default -> arg;
          });
    }
    // later options win in picocli: the bad value given last is the one parsed
    CliRun run = CliRun.of(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
    assertThat(run.err())
        .contains(option)
        .doesNotContain("Exception")
        .doesNotContain("\tat ")
        .doesNotContain("WARN")
        .doesNotContain("\u001b");
    assertThat(run.out()).isEmpty();
    assertThat(simulator.calls()).isZero();
  }
}
