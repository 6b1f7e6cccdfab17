package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.TestTypes;
import io.awsinventory.cli.CliRun;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An answer that is not the one the call promises fails its target alone, with a message that says
 * what arrived; the other targets are written and the run exits 3. Each answer here comes from the
 * hostile-input review: one region's DescribeInstances answers it, the other region is healthy.
 */
class MalformedAnswersTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOSTILE = "us-east-1";
  private static final String EC2 = " xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";

  @TempDir Path out;

  static Stream<Arguments> answers() {
    return Stream.of(
        Arguments.of(
            "AWS InternalError after retries",
            xml(
                500,
                "<Response><Errors><Error><Code>InternalError</Code><Message>We encountered"
                    + " an internal error.</Message></Error></Errors><RequestID>r</RequestID>"
                    + "</Response>"),
            "InternalError"),
        Arguments.of(
            "a character reference past Unicode",
            xml(200, instances("<instanceId>i-&#x80000000;</instanceId>")),
            "MalformedAnswer"),
        Arguments.of(
            "an integer out of range",
            xml(200, instances("<amiLaunchIndex>99999999999999999999</amiLaunchIndex>")),
            "member AmiLaunchIndex holds '99999999999999999999', not an integer in range"),
        Arguments.of(
            "not a date",
            xml(200, instances("<launchTime>not-a-date</launchTime>")),
            "member LaunchTime holds 'not-a-date', not a timestamp"),
        Arguments.of(
            "an offset no clock has",
            xml(200, instances("<launchTime>2024-01-01T00:00:00+25:00</launchTime>")),
            "member LaunchTime holds '2024-01-01T00:00:00+25:00'"),
        Arguments.of(
            "an exponent in an integer member",
            xml(200, instances("<cpuOptions><coreCount>1e400</coreCount></cpuOptions>")),
            "member CoreCount holds '1e400', not an integer in range"),
        Arguments.of(
            "a captive portal's login page",
            new SimConfig.RawAnswer(
                200, "text/html", "<html><body>Please sign in to the network</body></html>"),
            "Please sign in to the network"),
        Arguments.of(
            "an Errors document with status 200",
            xml(
                200,
                "<Response><Errors><Error><Code>AuthFailure</Code></Error></Errors></Response>"),
            "the root element is <Response>, not <DescribeInstancesResponse>"),
        Arguments.of(
            "an answer without its result element",
            xml(
                200,
                "<DescribeInstancesResponse"
                    + EC2
                    + "><requestId>r</requestId>"
                    + "</DescribeInstancesResponse>"),
            "without its result element"),
        Arguments.of(
            "a JSON AccessDeniedException with status 200",
            new SimConfig.RawAnswer(
                200,
                "application/x-amz-json-1.1",
                "{\"__type\":\"AccessDeniedException\",\"message\":\"no\"}"),
            "AccessDeniedException"),
        Arguments.of(
            "invalid UTF-8",
            new SimConfig.RawAnswer(
                200,
                "text/xml",
                concat(
                    "<DescribeInstancesResponse"
                        + EC2
                        + "><reservationSet><item><instancesSet>"
                        + "<item><instanceId>i-",
                    new byte[] {(byte) 0xC3, (byte) 0x28},
                    "</instanceId></item></instancesSet></item></reservationSet>"
                        + "</DescribeInstancesResponse>"),
                Duration.ZERO),
            "not well-formed XML"),
        Arguments.of(
            "a duplicated reservationSet",
            xml(
                200,
                "<DescribeInstancesResponse"
                    + EC2
                    + "><reservationSet/><reservationSet><item>"
                    + "<instancesSet><item><instanceId>i-1</instanceId></item></instancesSet></item>"
                    + "</reservationSet></DescribeInstancesResponse>"),
            "member Reservations appears twice"),
        Arguments.of(
            "trailing garbage after the root",
            xml(200, instances("<instanceId>i-1</instanceId>") + "<more/>garbage"),
            "not well-formed XML"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void aBrokenAnswer_failsItsTargetAlone_exit3(String what, SimConfig.RawAnswer answer, String said)
      throws Exception {
    SimConfig config =
        new SimConfig().accounts(1).instances(20).rawAnswer("DescribeInstances", HOSTILE, answer);
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run = SimulatedCollectTest.collect(sim, out, "--resources", "instances");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
      assertThat(run.err()).doesNotContain("a bug", "internal-error", "Exception:", "\tat ");
      JsonNode row = failedRow();
      assertThat(row.get("region").asText()).isEqualTo(HOSTILE);
      assertThat(row.get("status").asText()).isEqualTo("failed");
      assertThat(row.get("errorCode").asText() + ": " + row.get("message").asText()).contains(said);
      // the healthy region is written in full
      Truth.assertHealthyTargetsComplete(
          sim, out, Truth.unhealthyRows(out), Set.of(TestTypes.INSTANCES));
    }
  }

  @org.junit.jupiter.api.Test
  void aJsonErrorWithStatus200_failsItsTarget_notAnEmptyResult() throws Exception {
    SimConfig config =
        new SimConfig()
            .accounts(1)
            .instances(20)
            .nodesPerTarget(3)
            .rawAnswer(
                "DescribeInstanceInformation",
                HOSTILE,
                new SimConfig.RawAnswer(
                    200,
                    "application/x-amz-json-1.1",
                    "{\"__type\":\"AccessDeniedException\",\"Message\":\"not you\"}"));
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run = SimulatedCollectTest.collect(sim, out, "--resources", "applications");

      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
      JsonNode row = failedRow();
      assertThat(row.get("region").asText()).isEqualTo(HOSTILE);
      assertThat(row.get("message").asText())
          .contains("an error answer with status 200")
          .contains("AccessDeniedException");
    }
  }

  @org.junit.jupiter.api.Test
  void aValueSplitByAComment_isReadWhole() throws Exception {
    SimConfig config =
        new SimConfig()
            .accounts(1)
            .instances(20)
            .rawAnswer(
                "DescribeInstances",
                HOSTILE,
                xml(200, instances("<instanceId>i-<!-- c -->cmt</instanceId>")));
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run = SimulatedCollectTest.collect(sim, out, "--resources", "instances");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(Files.readString(out.resolve("ec2_instances.jsonl")))
          .contains("\"InstanceId\":\"i-cmt\"");
    }
  }

  @org.junit.jupiter.api.Test
  void aServerThatTricklesBytes_costsAtMostTheTimeoutPerAttempt() throws Exception {
    byte[] body = instances("<instanceId>i-slow</instanceId>").getBytes(StandardCharsets.UTF_8);
    SimConfig config =
        new SimConfig()
            .accounts(1)
            .instances(20)
            .rawAnswer(
                "DescribeInstances",
                HOSTILE,
                new SimConfig.RawAnswer(200, "text/xml", body, Duration.ofMillis(400)));
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run =
          SimulatedCollectTest.collect(sim, out, "--resources", "instances", "--timeout", "1");

      // each byte comes well within the socket's read time-out and the answer would take three
      // minutes: only a deadline per attempt stops it (without one this test would not end)
      assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
      JsonNode row = failedRow();
      assertThat(row.get("region").asText()).isEqualTo(HOSTILE);
      assertThat(row.get("errorCode").asText()).startsWith("ApiCall").endsWith("TimeoutException");
      // the healthy region's page, and the slow region's two attempts, each cut at the time-out
      // (throttling is retried up to 8 times; a call that runs out of time, once)
      assertThat(sim.calls("DescribeInstances")).isEqualTo(1 + 2);
    }
  }

  private JsonNode failedRow() throws Exception {
    JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
    JsonNode failed = null;
    for (JsonNode row : summary.get("targets")) {
      if (Set.of("failed", "denied").contains(row.get("status").asText())) {
        assertThat(failed).as("one failed row").isNull();
        failed = row;
      }
    }
    assertThat(failed).as("a failed row").isNotNull();
    return failed;
  }

  private static SimConfig.RawAnswer xml(int status, String body) {
    return new SimConfig.RawAnswer(status, "text/xml;charset=UTF-8", body);
  }

  private static String instances(String members) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><DescribeInstancesResponse"
        + EC2
        + "><requestId>r-1</requestId><reservationSet><item><reservationId>r-1</reservationId>"
        + "<instancesSet><item>"
        + members
        + "</item></instancesSet></item></reservationSet></DescribeInstancesResponse>";
  }

  private static byte[] concat(String before, byte[] middle, String after) {
    byte[] a = before.getBytes(StandardCharsets.UTF_8);
    byte[] c = after.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[a.length + middle.length + c.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(middle, 0, all, a.length, middle.length);
    System.arraycopy(c, 0, all, a.length + middle.length, c.length);
    return all;
  }
}
