package io.awsinventory.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awsinventory.ExitCode;
import io.awsinventory.InventoryException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules every option follows, from the command line, a config file or the environment. */
class OptionRulesTest {
  @TempDir Path dir;

  @Test
  void aRepeatedListOption_addsToTheList() {
    RunConfigFactory factory = new RunConfigFactory(Map.of(), null);
    picocli.CommandLine line = new picocli.CommandLine(new CollectCommand(() -> null));
    line.parseArgs("--regions", "eu-west-1", "--regions", "us-east-1,eu-central-1");
    CollectCommand collect = line.getCommand();

    assertThat(factory.regions(collect.scope.regions, "us-east-1"))
        .containsExactly("eu-west-1", "us-east-1", "eu-central-1");
  }

  @Test
  void carryForwardDays_optionOverEnvironmentOverSeven_andABadVariableNamesItself() {
    OutputValidation fromEnv =
        new OutputValidation(Map.of("AWS_INVENTORY_CARRY_FORWARD_DAYS", "30"));

    assertThat(new OutputValidation(Map.of()).carryForwardDays(null)).isEqualTo(7);
    assertThat(fromEnv.carryForwardDays(null)).isEqualTo(30);
    assertThat(fromEnv.carryForwardDays("0")).isZero();
    assertThatThrownBy(
            () ->
                new OutputValidation(Map.of("AWS_INVENTORY_CARRY_FORWARD_DAYS", "7d"))
                    .carryForwardDays(null))
        .isInstanceOf(InventoryException.class)
        .hasMessageStartingWith("AWS_INVENTORY_CARRY_FORWARD_DAYS: '7d' is not a number of days")
        .matches(e -> ((InventoryException) e).exitCode() == ExitCode.USAGE);
  }

  @Test
  void awsRegionsEmpty_isAUsageError_notEveryRegion() {
    RunConfigFactory factory = new RunConfigFactory(Map.of("AWS_REGIONS", ""), null);

    assertThatThrownBy(() -> factory.regions(null, "us-east-1"))
        .isInstanceOf(InventoryException.class)
        .hasMessageStartingWith("AWS_REGIONS: is empty")
        .matches(e -> ((InventoryException) e).exitCode() == ExitCode.USAGE);
    assertThatThrownBy(
            () ->
                new RunConfigFactory(Map.of("AWS_REGIONS", "eu-west-1,,us-east-1"), null)
                    .regions(null, "us-east-1"))
        .hasMessageStartingWith("AWS_REGIONS: has an empty entry");
  }

  @Test
  void aConfigKeyWithAnEmptyValue_isAUsageError_namingTheLine() throws Exception {
    Path config = private_(Files.writeString(dir.resolve("c.conf"), "format = csv\nregions =\n"));

    CliRun run =
        CliRun.of("collect", "--config", config.toString(), "--output-dir", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "aws-inventory: --config: c.conf line 2: 'regions': is"
                + " empty; leave the option out to keep its default");
  }

  @Test
  void oneConfigFile_servesCheckAndPolicy_whichPassOverTheKeysTheyDoNotUse() throws Exception {
    Path config =
        private_(
            Files.writeString(
                dir.resolve("collect.conf"),
                "format = csv\noutput-dir = "
                    + dir
                    + "\ntag-columns = Name\nregions = eu-west-1\nresources = instances\n"));

    CliRun policy = CliRun.of("policy", "--config", config.toString());
    CliRun check =
        CliRun.of(
            "check",
            "--config",
            config.toString(),
            "--endpoint-url",
            "http://127.0.0.1:9",
            "--access-key-id",
            "AKIAIOSFODNN7EXAMPLE",
            "--secret-access-key",
            "x".repeat(40),
            "--output",
            "json");

    assertThat(policy.exitCode()).as(policy.err()).isZero();
    assertThat(policy.out()).contains("ec2:DescribeInstances");
    // the check itself cannot reach the closed port: exit 5, not a refused config (exit 2)
    assertThat(check.exitCode()).as(check.err()).isEqualTo(5);
    assertThat(check.err()).doesNotContain("--config").doesNotContain("--format");
  }

  @Test
  void aKeyNoCommandKnows_isAnError() throws Exception {
    Path config = private_(Files.writeString(dir.resolve("c.conf"), "regoins = eu-west-1\n"));

    CliRun run = CliRun.of("check", "--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown key 'regoins'").contains("regions");
  }

  private static Path private_(Path file) throws Exception {
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}
