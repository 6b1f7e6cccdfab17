package io.awsinventory.simtests;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * HTTPS in front of a plain HTTP server: a TLS listener on a loopback port, with a self-signed
 * certificate for 127.0.0.1 made by the JDK's keytool, forwarding each connection to the upstream
 * port. {@link #certificatePem()} is the certificate a client must trust.
 */
final class TlsFront implements AutoCloseable {
  private static final String PASSWORD = "front-store-password";

  private final SSLServerSocket server;
  private final Path certificatePem;
  private final ExecutorService connections = Pipe.connectionThreads("tls-front");

  private TlsFront(SSLServerSocket server, Path certificatePem, int upstreamPort) {
    this.server = server;
    this.certificatePem = certificatePem;
    connections.submit(
        () -> {
          while (!server.isClosed()) {
            Socket client;
            try {
              client = server.accept();
            } catch (IOException closed) {
              return;
            }
            connections.submit(
                () -> {
                  try {
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                    InputStream in = client.getInputStream();
                    Pipe.both(client, in, upstream);
                  } catch (IOException e) {
                    Pipe.closeQuietly(client);
                  }
                });
          }
        });
  }

  /** Makes a key pair and certificate in {@code dir} and listens in front of {@code upstream}. */
  static TlsFront before(URI upstream, Path dir) throws Exception {
    Path store = dir.resolve("front.p12");
    Path pem = dir.resolve("front-ca.pem");
    keytool(
        "-genkeypair",
        "-alias",
        "front",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=127.0.0.1",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-storetype",
        "PKCS12",
        "-keystore",
        store.toString(),
        "-storepass",
        PASSWORD,
        "-keypass",
        PASSWORD);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "front",
        "-keystore",
        store.toString(),
        "-storepass",
        PASSWORD,
        "-file",
        pem.toString());
    SSLServerSocket server =
        (SSLServerSocket)
            context(store)
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
    return new TlsFront(server, pem, upstream.getPort());
  }

  private static SSLContext context(Path store) throws GeneralSecurityException, IOException {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(keys, PASSWORD.toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(factory.getKeyManagers(), null, null);
    return context;
  }

  private static void keytool(String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
  }

  URI endpoint() {
    return URI.create("https://127.0.0.1:" + server.getLocalPort());
  }

  Path certificatePem() {
    return certificatePem;
  }

  @Override
  public void close() throws IOException {
    server.close();
    connections.shutdownNow();
  }
}
