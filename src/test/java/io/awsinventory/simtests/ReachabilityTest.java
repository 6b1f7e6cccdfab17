package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.cli.CliRun;
import io.awsinventory.sim.SingleAccount;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A network that keeps the run from AWS is exit 5, named as such; not an authentication failure.
 */
class ReachabilityTest {
  @TempDir Path out;

  /** A loopback port nobody listens on. */
  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static CliRun collect(Path out, String... reach) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "collect",
                "--access-key-id",
                SingleAccount.ACCESS_KEY_ID,
                "--secret-access-key",
                SingleAccount.SECRET_ACCESS_KEY,
                "--output-dir",
                out.toString(),
                "--timeout",
                "2"));
    args.addAll(List.of(reach));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void collect_endpointNobodyListensOn_exits5NamingTheHost() throws Exception {
    int port = closedPort();

    CliRun run = collect(out, "--endpoint-url", "http://127.0.0.1:" + port);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
    assertThat(run.err().strip())
        .isEqualTo(
            "aws-inventory: AWS could not be reached at 127.0.0.1:"
                + port
                + ": the connection was refused; check --endpoint-url, the network and DNS");
  }

  @Test
  void collect_deadProxy_exits5NamingTheProxy() throws Exception {
    int proxyPort = closedPort();
    try (SingleAccount aws = SingleAccount.start()) {
      CliRun run =
          collect(
              out,
              "--endpoint-url",
              aws.endpoint().toString(),
              "--proxy",
              "http://inventory:proxy-secret-4711@127.0.0.1:" + proxyPort);

      assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
      assertThat(run.err())
          .contains("AWS could not be reached at 127.0.0.1:" + aws.endpoint().getPort())
          .contains("through the proxy http://inventory:****@127.0.0.1:" + proxyPort)
          .contains("the connection was refused")
          .doesNotContain("proxy-secret-4711");
      assertThat(aws.requests()).isZero();
    }
  }
}
