package io.awsinventory.it;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The moto AWS emulator the integration tests run against: the one {@code scripts/test.sh} started
 * (system property {@code aws.inventory.moto.endpoint}), or one started here on a free loopback
 * port and stopped when the test JVM exits. A missing emulator fails the tests; it never skips
 * them.
 */
public final class MotoServer {
  private static URI endpoint;

  private MotoServer() {}

  public static synchronized URI endpoint() {
    if (endpoint == null) {
      String given = System.getProperty("aws.inventory.moto.endpoint");
      endpoint = given != null && !given.isBlank() ? URI.create(given) : start();
    }
    return endpoint;
  }

  /** Forgets every resource moto holds, so each test class starts from an empty AWS. */
  public static void reset() {
    try {
      HttpURLConnection connection =
          (HttpURLConnection) endpoint().resolve("/moto-api/reset").toURL().openConnection();
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.getOutputStream().close();
      if (connection.getResponseCode() != 200) {
        throw new IllegalStateException("moto reset answered " + connection.getResponseCode());
      }
      connection.disconnect();
    } catch (IOException e) {
      throw new IllegalStateException("moto reset failed", e);
    }
  }

  private static URI start() {
    try {
      int port;
      try (ServerSocket socket =
          new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      }
      Path log = Files.createTempFile("moto-", ".log");
      Process process =
          new ProcessBuilder(
                  "python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
      URI uri = URI.create("http://127.0.0.1:" + port);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      while (Instant.now().isBefore(deadline)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "moto server exited: "
                  + Files.readString(log)
                  + " (install: pip install 'moto[server]')");
        }
        try {
          HttpURLConnection connection =
              (HttpURLConnection) uri.resolve("/moto-api/").toURL().openConnection();
          connection.setConnectTimeout(500);
          if (connection.getResponseCode() > 0) {
            return uri;
          }
        } catch (IOException notYet) {
          Thread.sleep(200);
        }
      }
      throw new IllegalStateException("moto server did not start within 60 s");
    } catch (IOException e) {
      throw new IllegalStateException("could not start moto (python3 -m moto.server)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
