package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the built jar prints when AWS's answers carry what they should not: a session token echoed
 * in an error, terminal escapes in account names. Every byte it writes is searched.
 */
class HostileTextIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ENV_TOKEN = "environment-session-token-DISTINCT-0a1b2c3d4e5f";

  @TempDir Path dir;

  private String everything() throws Exception {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        if (!file.toString().endsWith(".json") || file.endsWith("run_summary.json")) {
          all.append(Files.readString(file));
        }
      }
    }
    return all.toString();
  }

  @Test
  void echoedSessionTokens_andTheEnvironmentsToken_neverReachAnyOutput() throws Exception {
    SimConfig config =
        new SimConfig().accounts(2).deniedApis("DescribeImages").echoRequestInErrors(true);
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      List<String> args = sim.commandFromManagement("collect");
      args.addAll(
          List.of(
              "--assume-role-arn",
              "arn:aws:iam::" + sim.estate().managementId() + ":role/inventory",
              "--list-accounts",
              "--verbose",
              "--log-file",
              dir.resolve("collect.log").toString(),
              "--output-dir",
              dir.resolve("out").toString()));
      JarRun run = JarRun.start(args, Map.of("AWS_SESSION_TOKEN", ENV_TOKEN));

      assertThat(run.waitFor()).as(run.err()).isEqualTo(3);
      String all = run.out() + run.err() + everything();
      assertThat(all).contains("UnauthorizedOperation").contains("Request:");
      assertThat(all).doesNotContain("sim-token-").doesNotContain("sim-secret-");
      assertThat(all).doesNotContain(ENV_TOKEN);
      JsonNode options = JSON.readTree(dir.resolve("out/run_summary.json").toFile()).get("options");
      assertThat(options.get("credentials").asText()).isEqualTo("static keys with session token");
      assertThat(options.get("credential-sources").get("session-token").asText())
          .isEqualTo("AWS_SESSION_TOKEN");
    }
  }

  @Test
  void terminalEscapesInAccountNames_areShownEscaped_andKeptInTheFiles() throws Exception {
    SimConfig config = new SimConfig().accounts(3).hostileAccountNames(true);
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      List<String> check = sim.commandFromManagement("check");
      check.addAll(List.of("--list-accounts", "--regions", "eu-west-1"));
      JarRun checked = JarRun.start(check);
      List<String> collect = sim.commandFromManagement("collect");
      collect.addAll(
          List.of(
              "--list-accounts",
              "--regions",
              "eu-west-1",
              "--resources",
              "instances",
              "--verbose",
              "--output-dir",
              dir.resolve("out").toString()));
      JarRun collected = JarRun.start(collect);

      assertThat(checked.waitFor()).as(checked.err()).isZero();
      assertThat(collected.waitFor()).as(collected.err()).isZero();
      for (String printed :
          List.of(checked.out(), checked.err(), collected.out(), collected.err())) {
        assertThat(printed).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\r");
      }
      assertThat(checked.out()).contains("\\u001b]0;pwned\\u0007");
      assertThat(checked.out().lines().filter(l -> l.startsWith("ok: account 999999999999")))
          .isEmpty();
    }
    JsonNode first = JSON.readTree(dir.resolve("out/ec2_instances.json").toFile()).get(0);
    assertThat(first.get("AccountName").asText()).contains("\u001b]0;pwned\u0007");
  }

  @Test
  void webIdentityToken_echoedInADenial_neverReachesAnyOutput() throws Exception {
    String token = "web-identity-token-DISTINCT-" + System.nanoTime();
    Path tokenFile = Files.writeString(dir.resolve("token"), token + "\n");
    try (AwsSimulator sim =
        AwsSimulator.start(new SimConfig().accounts(1).echoRequestInErrors(true))) {
      JarRun run =
          JarRun.start(
              List.of(
                  "collect",
                  "--endpoint-url",
                  sim.endpoint().toString(),
                  "--web-identity-token-file",
                  tokenFile.toString(),
                  "--web-identity-role-arn",
                  "arn:aws:iam::999999999999:role/not-there",
                  "--verbose",
                  "--log-file",
                  dir.resolve("web.log").toString(),
                  "--output-dir",
                  dir.resolve("web-out").toString()));

      assertThat(run.waitFor()).as(run.err()).isEqualTo(4);
      String all = run.out() + run.err() + Files.readString(dir.resolve("web.log"));
      assertThat(all).contains("AccessDenied").contains("Request:");
      assertThat(all).doesNotContain(token);
    }
  }
}
