package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.cli.CliRun;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A secret of the run that an answer echoes back never reaches the output files. */
class EchoedSecretsTest {
  @TempDir Path out;

  @Test
  void aSecretEchoedIntoATagValue_isMaskedInTheFiles_inItsPlainAndBase64Forms() throws Exception {
    String secret = AwsSimulator.SECRET_ACCESS_KEY;
    String base64 = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
    String answer =
        "<DescribeInstancesResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
            + "<reservationSet><item><instancesSet><item><instanceId>i-echo</instanceId><tagSet>"
            + "<item><key>leak</key><value>"
            + secret
            + "</value></item><item><key>leak64</key><value>Basic "
            + base64
            + "</value></item></tagSet></item></instancesSet></item></reservationSet>"
            + "</DescribeInstancesResponse>";
    SimConfig config =
        new SimConfig()
            .accounts(1)
            .instances(4)
            .rawAnswer(
                "DescribeInstances", "us-east-1", new SimConfig.RawAnswer(200, "text/xml", answer));
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run =
          SimulatedCollectTest.collectAs(
              "csv", sim, out, "--resources", "instances", "--tag-columns", "leak");

      assertThat(run.exitCode()).as(run.err()).isZero();
    }
    String csv = Files.readString(out.resolve("ec2_instances.csv"));
    assertThat(csv)
        .contains("i-echo")
        .contains("****")
        .doesNotContain(secret)
        .doesNotContain(base64);
  }
}
