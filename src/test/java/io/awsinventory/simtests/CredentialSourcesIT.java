package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import io.awsinventory.sim.SimEstate;
import io.awsinventory.sim.SimStats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the base credentials come from, as the built jar finds them: a profile with role_arn goes
 * through the tool's own role chain (and so through --endpoint-url), and no credentials at all is
 * one short line.
 */
class CredentialSourcesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  /** No credentials anywhere the SDK looks, and no instance metadata to ask. */
  private Map<String, String> emptyHome() throws Exception {
    Path none = Files.writeString(dir.resolve("empty"), "");
    return home(none, none, Map.of());
  }

  /** A shared credentials file whose {@code profile} holds the management account's keys. */
  private Path managementKeys(AwsSimulator sim, String profile) throws Exception {
    return Files.writeString(
        dir.resolve("credentials"),
        "["
            + profile
            + "]\naws_access_key_id = "
            + SimEstate.accessKeyOf(sim.estate().managementId())
            + "\naws_secret_access_key = "
            + AwsSimulator.SECRET_ACCESS_KEY
            + "\n");
  }

  /** The environment of a user whose AWS files are these, with no instance metadata to ask. */
  private Map<String, String> home(Path config, Path credentials, Map<String, String> more) {
    Map<String, String> env = new java.util.HashMap<>(more);
    env.put("HOME", dir.toString());
    env.put("AWS_CONFIG_FILE", config.toString());
    env.put("AWS_SHARED_CREDENTIALS_FILE", credentials.toString());
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    return env;
  }

  /** A quiet {@code collect} against the simulator into {@code out}, with these options. */
  private static JarRun collect(
      AwsSimulator sim, Path out, Map<String, String> env, String... options) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(List.of("collect", "--endpoint-url", sim.endpoint().toString()));
    command.addAll(List.of(options));
    command.addAll(List.of("--quiet", "--output-dir", out.toString()));
    return JarRun.start(command, env);
  }

  @Test
  void collect_noCredentialsAnywhere_saysSoInOneShortLine() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1))) {
      JarRun run =
          JarRun.start(
              List.of(
                  "collect",
                  "--endpoint-url",
                  sim.endpoint().toString(),
                  "--output-dir",
                  dir.resolve("out").toString()),
              emptyHome());

      assertThat(run.waitFor()).as(run.err()).isEqualTo(4);
      assertThat(run.err().strip().lines()).hasSize(1);
      assertThat(run.err().strip())
          .startsWith("aws-inventory: no AWS credentials found: use --profile, --access-key-id")
          .hasSizeLessThan(300);
      assertThat(sim.calls()).isZero();
    }
  }

  @Test
  void collect_unknownProfile_exits2() throws Exception {
    JarRun run =
        JarRun.start(
            List.of("collect", "--profile", "nowhere", "--output-dir", dir.resolve("o").toString()),
            emptyHome());

    assertThat(run.waitFor()).as(run.err()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("aws-inventory: --profile: no profile 'nowhere'");
  }

  @Test
  void collect_profileWithRoleArn_assumesItThroughTheEndpoint_withTheProfilesSettings()
      throws Exception {
    SimConfig config = new SimConfig().accounts(3).recordRequests(true);
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      String member = SimEstate.accountId(1);
      Path credentials = managementKeys(sim, "base");
      Path awsConfig =
          Files.writeString(
              dir.resolve("config"),
              "[profile inventory]\nrole_arn = arn:aws:iam::"
                  + member
                  + ":role/InventoryReader\nsource_profile = base\nexternal_id = ext-4711\n"
                  + "role_session_name = nightly-inventory\nduration_seconds = 1800\n");
      Path out = dir.resolve("out");

      JarRun run =
          JarRun.start(
              List.of(
                  "collect",
                  "--profile",
                  "inventory",
                  "--endpoint-url",
                  sim.endpoint().toString(),
                  "--regions",
                  "eu-west-1",
                  "--resources",
                  "instances",
                  "--quiet",
                  "--output-dir",
                  out.toString()),
              home(awsConfig, credentials, Map.of()));

      assertThat(run.waitFor()).as(run.err()).isZero();
      List<Map<String, String>> assumed =
          sim.requests().stream()
              .filter(r -> r.action().equals("AssumeRole"))
              .map(SimStats.Request::fields)
              .toList();
      assertThat(assumed).isNotEmpty();
      assertThat(assumed.get(0))
          .containsEntry("RoleArn", "arn:aws:iam::" + member + ":role/InventoryReader")
          .containsEntry("ExternalId", "ext-4711")
          .containsEntry("RoleSessionName", "nightly-inventory")
          .containsEntry("DurationSeconds", "1800");
      JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
      assertThat(summary.get("identities").get(1).get("arn").asText())
          .isEqualTo("arn:aws:sts::" + member + ":assumed-role/InventoryReader/nightly-inventory");
      assertThat(summary.get("accounts").get(0).get("accountId").asText()).isEqualTo(member);
    }
  }

  @Test
  void collect_awsProfileVariable_isTheProfile_andItsRegionTheHomeRegion() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1))) {
      Path credentials = managementKeys(sim, "inventory");
      Path awsConfig =
          Files.writeString(dir.resolve("config"), "[profile inventory]\nregion = eu-west-1\n");
      Path out = dir.resolve("out");

      JarRun run =
          collect(
              sim,
              out,
              home(awsConfig, credentials, Map.of("AWS_PROFILE", "inventory")),
              "--resources",
              "instances");

      assertThat(run.waitFor()).as(run.err()).isZero();
      JsonNode options = JSON.readTree(out.resolve("run_summary.json").toFile()).get("options");
      assertThat(options.get("credentials").asText()).isEqualTo("profile inventory");
      assertThat(options.get("home-region").asText()).isEqualTo("eu-west-1");
    }
  }

  /**
   * Without --profile or keys, the SDK's default chain finds the default profile's keys in the
   * shared credentials file, which the run reads for its providers while the SDK's own look-up of
   * the files is pointed away.
   */
  @Test
  void collect_defaultProfileKeys_areFoundByTheDefaultChain() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1))) {
      Path credentials = managementKeys(sim, "default");
      Path awsConfig = Files.writeString(dir.resolve("config"), "[default]\nregion = eu-west-1\n");
      Path out = dir.resolve("out");

      JarRun run =
          collect(
              sim,
              out,
              home(awsConfig, credentials, Map.of()),
              "--resources",
              "instances,db-instances",
              "--regions",
              "eu-west-1,us-east-1");

      assertThat(run.waitFor()).as(run.err()).isZero();
      JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
      assertThat(summary.get("options").get("home-region").asText()).isEqualTo("eu-west-1");
      assertThat(summary.get("identities").get(0).get("accountId").asText())
          .isEqualTo(sim.estate().managementId());
      assertThat(sim.calls()).isGreaterThanOrEqualTo(4);
    }
  }

  @Test
  void collect_configFileTheSdkCannotParse_exits2_namingTheFile() throws Exception {
    Path awsConfig = Files.writeString(dir.resolve("config"), "region = us-east-1\n[default\n");
    Path none = Files.writeString(dir.resolve("no-credentials"), "");
    for (List<String> options :
        List.of(
            List.of("--profile", "prod"),
            List.of("--home-region", "eu-west-1", "--access-key-id", "AKIAEXAMPLE"))) {
      List<String> command = new java.util.ArrayList<>(List.of("collect"));
      command.addAll(options);
      command.addAll(List.of("--output-dir", dir.resolve("o").toString()));
      JarRun run =
          JarRun.start(command, home(awsConfig, none, Map.of("AWS_SECRET_ACCESS_KEY", "example")));

      assertThat(run.waitFor()).as(run.err()).isEqualTo(2);
      assertThat(run.err().strip().lines()).hasSize(1);
      assertThat(run.err().strip())
          .isEqualTo(
              "aws-inventory: "
                  + awsConfig
                  + ": cannot be read: Expected a profile definition on line 1");
    }
  }

  /**
   * A web identity in the environment (as EKS and CI runners set it) is assumed by the run's own
   * STS client, so it goes to --endpoint-url at the home region, like --web-identity-token-file.
   */
  @Test
  void collect_webIdentityFromTheEnvironment_isAssumedThroughTheEndpoint() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(1))) {
      Path token = Files.writeString(dir.resolve("token"), "eyJhbGciOi.env.token");
      Path awsConfig = Files.writeString(dir.resolve("config"), "[default]\nregion = eu-west-1\n");
      Path none = Files.writeString(dir.resolve("no-credentials"), "");
      String role = "arn:aws:iam::" + sim.estate().managementId() + ":role/ci-inventory";
      Path out = dir.resolve("out");

      JarRun run =
          collect(
              sim,
              out,
              home(
                  awsConfig,
                  none,
                  Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString(), "AWS_ROLE_ARN", role)),
              "--resources",
              "instances",
              "--regions",
              "eu-west-1");

      assertThat(run.waitFor()).as(run.err()).isZero();
      assertThat(sim.calls("AssumeRoleWithWebIdentity")).isEqualTo(1);
      JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
      assertThat(summary.get("options").get("credentials").asText())
          .isEqualTo("web identity for " + role);
      assertThat(summary.get("options").get("home-region").asText()).isEqualTo("eu-west-1");
    }
  }
}
