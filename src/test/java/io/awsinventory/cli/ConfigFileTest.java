package io.awsinventory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.sim.SingleAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
  @TempDir Path dir;
  private SingleAccount fake;

  @BeforeEach
  void start() throws Exception {
    fake = SingleAccount.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  /** A config file readable by its owner only, as one holding a secret must be. */
  private Path config(String text) throws Exception {
    Path file = Files.writeString(dir.resolve("aws.conf"), text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  private String baseConfig() {
    return "# a comment\n"
        + "endpoint-url = "
        + fake.endpoint()
        + "\n"
        + "access-key-id = AKIAFAKEFAKEFAKEFAKE\n"
        + "secret-access-key = config-secret-0123456789abcdef\n"
        + "resources = reserved-instances\n"
        + "regions = us-east-1, eu-west-1\n"
        + "format = jsonl\n"
        + "quiet = true\n"
        + "output-dir = "
        + dir.resolve("out")
        + "\n";
  }

  @Test
  void collect_configAlone_drivesTheRun() throws Exception {
    CliRun run = CliRun.of("collect", "--config", config(baseConfig()).toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("out/run_summary.json").toFile());
    assertThat(summary.get("options").get("format").asText()).isEqualTo("jsonl");
    assertThat(summary.get("options").get("regions").asText()).isEqualTo("us-east-1,eu-west-1");
    assertThat(summary.toString()).doesNotContain("config-secret-0123456789abcdef");
    assertThat(dir.resolve("out/ec2_reserved_instances.jsonl")).exists();
  }

  @Test
  void collect_commandLineWinsOverTheFile() throws Exception {
    CliRun run =
        CliRun.of(
            "collect",
            "--format",
            "csv",
            "--regions",
            "us-east-1",
            "--config",
            config(baseConfig()).toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("out/run_summary.json").toFile());
    assertThat(summary.get("options").get("format").asText()).isEqualTo("csv");
    assertThat(summary.get("options").get("regions").asText()).isEqualTo("us-east-1");
  }

  @Test
  void collect_unknownKey_exits2NamingTheNearestKey() throws Exception {
    CliRun run = CliRun.of("collect", "--config", config("regoins = us-east-1\n").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "aws-inventory: --config: aws.conf line 1: unknown key 'regoins' (did you mean 'regions'?)");
    assertThat(fake.requests()).isZero();
  }

  @Test
  void collect_malformedLineOrMissingFile_exits2() throws Exception {
    assertThat(CliRun.of("collect", "--config", config("just words\n").toString()).err())
        .contains("--config: aws.conf line 1: expected 'name = value'");
    CliRun missing = CliRun.of("collect", "--config", dir.resolve("nope.conf").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("--config: no such file");
  }

  @Test
  void collect_badValueInFile_isReportedForItsOption() throws Exception {
    CliRun run =
        CliRun.of("collect", "--config", config(baseConfig() + "concurrency = 0\n").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--concurrency: must be between 1 and 256, got 0");
    assertThat(fake.requests()).isZero();
  }

  @Test
  void collect_secretInAFileOthersCanRead_exits2SayingHowToFixIt() throws Exception {
    Path file = config(baseConfig());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    CliRun run = CliRun.of("collect", "--config", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "aws-inventory: --config: "
                + file
                + " holds 'secret-access-key' but other users can read or change it (rw-r--r--);"
                + " run 'chmod 600 "
                + file
                + "', or keep the secret in --secret-access-key-file or the environment");
    assertThat(run.err()).doesNotContain("config-secret-0123456789abcdef");
    assertThat(fake.requests()).isZero();
  }

  @Test
  void collect_proxyPasswordInAGroupReadableFile_exits2() throws Exception {
    Path file =
        config(
            "endpoint-url = "
                + fake.endpoint()
                + "\nproxy = http://inventory:proxy-pass-0123@127.0.0.1:3128\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    CliRun run = CliRun.of("collect", "--config", file.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("holds 'proxy' but other users can read or change it");
    assertThat(run.err()).doesNotContain("proxy-pass-0123");
    assertThat(fake.requests()).isZero();
  }

  @Test
  void collect_noSecretInTheFile_readableByOthersIsFine() throws Exception {
    Path file =
        config(baseConfig().replace("secret-access-key = config-secret-0123456789abcdef\n", ""));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    CliRun run = CliRun.of("collect", "--config", file.toString(), "--secret-access-key", "x");

    assertThat(run.err()).doesNotContain("other users can read");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void collect_quietInTheFile_verboseOnTheCommandLineWins() throws Exception {
    CliRun run = CliRun.of("collect", "--config", config(baseConfig()).toString(), "-v");

    assertThat(run.exitCode()).as(run.err()).isZero();
    // not quiet: the closing report is printed
    assertThat(run.err()).contains("collected ");
  }

  @Test
  void collect_verboseEqualsTrue_isAccepted_andQuietWithVerboseIsRefused() throws Exception {
    String noQuiet = baseConfig().replace("quiet = true\n", "");
    CliRun verbose = CliRun.of("collect", "--config", config(noQuiet).toString(), "--verbose=true");
    assertThat(verbose.exitCode()).as(verbose.err()).isZero();

    int before = fake.requests();
    CliRun both =
        CliRun.of("collect", "--quiet", "--verbose", "--endpoint-url", fake.endpoint().toString());
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("--quiet").contains("--verbose");
    assertThat(fake.requests()).isEqualTo(before);
  }

  @Test
  void policy_readsTheConfigFile_andIgnoresTheKeysItHasNoUseFor() throws Exception {
    CliRun run =
        CliRun.of("policy", "--config", config(baseConfig() + "list-accounts = true\n").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("organizations:ListAccounts")
        .contains("ec2:DescribeReservedInstances")
        .doesNotContain("ec2:DescribeImages");
  }

  @Test
  void collect_windowsStyleFile_quotesCommentsAndByteOrderMark_areRead() throws Exception {
    Path spaced = Files.createDirectories(dir.resolve("AWS data (x86)"));
    String text =
        "\uFEFF# written by Notepad\r\n"
            + baseConfig()
                .replace("format = jsonl\n", "format = 'csv'   # for the spreadsheet\n")
                .replace("output-dir = " + dir.resolve("out"), "output-dir = \"" + spaced + "\"")
                .replace("\n", "\r\n");

    CliRun run = CliRun.of("collect", "--config", config(text).toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(spaced.resolve("ec2_reserved_instances.csv")).exists();
  }

  @Test
  void collect_invisibleCharacterInAKey_isShownEscaped() throws Exception {
    CliRun run = CliRun.of("collect", "--config", config("regions\u200b = us-east-1\n").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown key 'regions\\u200b' (did you mean 'regions'?)");
  }

  @Test
  void collect_groupOptionBeforeConfig_theFileIsStillRead() throws Exception {
    String noQuiet = baseConfig().replace("quiet = true\n", "");

    CliRun run = CliRun.of("collect", "-v", "--config", config(noQuiet).toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(dir.resolve("out/ec2_reserved_instances.jsonl")).exists();
  }
}
