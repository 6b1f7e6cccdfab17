package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.TestTypes;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --proxy, HTTPS_PROXY, NO_PROXY, --ca-bundle and AWS_CA_BUNDLE, run through the jar against the
 * simulator behind a local forward proxy and an HTTPS front with a certificate of its own.
 */
class NetworkOptionsIT {
  private static final Set<ResourceType> ALL = TestTypes.DEFAULTS;
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path certificates;
  @TempDir Path dir;

  private static AwsSimulator sim;
  private static TlsFront https;

  @BeforeAll
  static void start() throws Exception {
    sim = AwsSimulator.start(new SimConfig().accounts(3).instances(300));
    https = TlsFront.before(sim.endpoint(), certificates);
  }

  @AfterAll
  static void stop() throws Exception {
    https.close();
    sim.close();
  }

  private List<String> collect(String endpoint, String... extra) {
    List<String> args =
        sim.commandFromManagement("collect", endpoint, AwsSimulator.SECRET_ACCESS_KEY);
    args.addAll(
        List.of(
            "--list-accounts",
            "--format",
            "jsonl",
            "--quiet",
            "--output-dir",
            dir.resolve("out").toString()));
    args.addAll(List.of(extra));
    return args;
  }

  private void assertComplete(JarRun run) throws Exception {
    assertThat(run.waitFor()).as(run.err()).isZero();
    Truth.assertHealthyTargetsComplete(sim, dir.resolve("out"), Set.of(), ALL);
  }

  @Test
  void proxyOption_plainHttp_everyCallGoesThroughTheProxy() throws Exception {
    try (LocalProxy proxy = LocalProxy.open()) {
      long before = sim.calls();
      JarRun run =
          JarRun.start(collect(sim.endpoint().toString(), "--proxy", proxy.url().toString()));

      assertComplete(run);
      String target = sim.endpoint().toString() + "/";
      assertThat(proxy.forwarded()).isNotEmpty().allMatch(line -> line.endsWith(" " + target));
      assertThat(sim.calls()).isGreaterThan(before);
    }
  }

  @Test
  void httpsThroughAProxyWithCredentials_trustsTheCaBundleAndHidesThePassword() throws Exception {
    String password = "proxy-password-7f3a9c";
    try (LocalProxy proxy = LocalProxy.requiringCredentials("inventory", password)) {
      String proxyUrl = "http://inventory:" + password + "@127.0.0.1:" + proxy.url().getPort();
      List<String> args =
          collect(
              https.endpoint().toString(),
              "--proxy",
              proxyUrl,
              "--ca-bundle",
              https.certificatePem().toString(),
              "--verbose");
      args.remove("--quiet");
      JarRun run = JarRun.start(args);

      assertComplete(run);
      assertThat(proxy.refused()).isZero();
      assertThat(proxy.forwarded())
          .isNotEmpty()
          .allMatch(line -> line.equals("CONNECT 127.0.0.1:" + https.endpoint().getPort()));
      JsonNode options = JSON.readTree(dir.resolve("out/run_summary.json").toFile()).get("options");
      assertThat(options.get("proxy").asText())
          .isEqualTo("http://inventory:****@127.0.0.1:" + proxy.url().getPort());
      assertThat(options.get("ca-bundle").asText()).isEqualTo(https.certificatePem().toString());
      assertThat(Files.readString(dir.resolve("out/run_summary.json"))).doesNotContain(password);
      assertThat(run.err()).doesNotContain(password);
    }
  }

  @Test
  void proxyWithoutItsCredentials_isRefused_andTheRunSaysSo() throws Exception {
    try (LocalProxy proxy = LocalProxy.requiringCredentials("inventory", "proxy-password-7f3a9c")) {
      JarRun run =
          JarRun.start(collect(sim.endpoint().toString(), "--proxy", proxy.url().toString()));

      assertThat(run.waitFor()).as(run.err()).isEqualTo(4);
      assertThat(proxy.refused()).isPositive();
      assertThat(proxy.forwarded()).isEmpty();
      assertThat(run.err().strip().lines()).hasSize(1);
      assertThat(run.err()).contains("HTTP 407").contains("check the user and password in --proxy");
      assertThat(dir.resolve("out/run_summary.json")).doesNotExist();
    }
  }

  @Test
  void httpsProxyAndCaBundleFromTheEnvironment_areUsed() throws Exception {
    try (LocalProxy proxy = LocalProxy.open()) {
      JarRun run =
          JarRun.start(
              collect(https.endpoint().toString()),
              Map.of(
                  "HTTPS_PROXY",
                  proxy.url().toString(),
                  "AWS_CA_BUNDLE",
                  https.certificatePem().toString()));

      assertComplete(run);
      assertThat(proxy.forwarded()).isNotEmpty();
      JsonNode options = JSON.readTree(dir.resolve("out/run_summary.json").toFile()).get("options");
      assertThat(options.get("proxy").asText()).isEqualTo(proxy.url().toString());
    }
  }

  @Test
  void noProxy_listsTheEndpointHost_soTheProxyIsNotUsed() throws Exception {
    try (LocalProxy proxy = LocalProxy.open()) {
      JarRun run =
          JarRun.start(
              collect(sim.endpoint().toString()),
              Map.of("HTTPS_PROXY", proxy.url().toString(), "NO_PROXY", "localhost,127.0.0.1"));

      assertComplete(run);
      assertThat(proxy.forwarded()).isEmpty();
    }
  }

  @Test
  void httpsEndpoint_withoutTheCaBundle_isNotTrusted() throws Exception {
    JarRun run = JarRun.start(collect(https.endpoint().toString()));

    // a TLS failure is the network's, not the credentials': exit 5, as DESIGN.md's table has it
    assertThat(run.waitFor()).as(run.err()).isEqualTo(5);
    assertThat(run.err().strip().lines()).hasSize(1);
    assertThat(run.err()).contains("give its CA with --ca-bundle");
    assertThat(dir.resolve("out/run_summary.json")).doesNotExist();
  }

  @Test
  void badProxyOrCaBundle_exits2BeforeAnyCall() throws Exception {
    long before = sim.calls();
    Path notPem = Files.writeString(dir.resolve("not.pem"), "just text\n");
    JarRun badProxy =
        JarRun.start(collect(sim.endpoint().toString(), "--proxy", "socks5://127.0.0.1:1080"));
    JarRun badBundle =
        JarRun.start(collect(sim.endpoint().toString(), "--ca-bundle", notPem.toString()));
    JarRun badEnv =
        JarRun.start(collect(sim.endpoint().toString()), Map.of("HTTPS_PROXY", "http://:secret@/"));

    assertThat(badProxy.waitFor()).isEqualTo(2);
    assertThat(badProxy.err().strip())
        .isEqualTo(
            "aws-inventory: --proxy: 'socks5://127.0.0.1:1080' is not an http:// or https://"
                + " proxy URL");
    assertThat(badBundle.waitFor()).isEqualTo(2);
    assertThat(badBundle.err().strip())
        .isEqualTo("aws-inventory: --ca-bundle: " + notPem + " holds no PEM certificate");
    assertThat(badEnv.waitFor()).isEqualTo(2);
    assertThat(badEnv.err().strip()).startsWith("aws-inventory: HTTPS_PROXY: ");
    assertThat(badEnv.err()).doesNotContain("secret");
    assertThat(sim.calls()).isEqualTo(before);
  }
}
