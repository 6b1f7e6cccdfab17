package io.awsinventory.simtests;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP forward proxy on a loopback port: {@code CONNECT host:port} tunnels (HTTPS) and
 * absolute-form requests ({@code POST http://host:port/}) for plain HTTP. It can demand Basic
 * credentials. It records the first request line of every connection it forwards.
 */
final class LocalProxy implements AutoCloseable {
  private final ServerSocket server;
  private final String expectedAuthorization;
  private final List<String> forwarded = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger refused = new AtomicInteger();
  private final ExecutorService connections = Pipe.connectionThreads("local-proxy");

  private LocalProxy(String username, String password) throws IOException {
    expectedAuthorization =
        username == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    server = new ServerSocket();
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    connections.submit(this::acceptLoop);
  }

  static LocalProxy open() throws IOException {
    return new LocalProxy(null, null);
  }

  /** A proxy that answers 407 to any connection whose first request lacks these credentials. */
  static LocalProxy requiringCredentials(String username, String password) throws IOException {
    return new LocalProxy(username, password);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  /** The first request line of every forwarded connection, e.g. {@code CONNECT 127.0.0.1:4431}. */
  List<String> forwarded() {
    synchronized (forwarded) {
      return List.copyOf(forwarded);
    }
  }

  int refused() {
    return refused.get();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        connections.submit(() -> serve(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try {
      InputStream in = new BufferedInputStream(client.getInputStream());
      byte[] head = readHead(in);
      String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
      String[] requestLine = lines[0].split(" ");
      if (expectedAuthorization != null && !expectedAuthorization.equals(header(lines))) {
        refused.incrementAndGet();
        client
            .getOutputStream()
            .write(
                ("HTTP/1.1 407 Proxy Authentication Required\r\n"
                        + "Proxy-Authenticate: Basic realm=\"inventory\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        client.close();
        return;
      }
      forwarded.add(requestLine[0] + " " + requestLine[1]);
      if (requestLine[0].equals("CONNECT")) {
        String[] hostPort = requestLine[1].split(":");
        Socket upstream = new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
        client
            .getOutputStream()
            .write(
                "HTTP/1.1 200 Connection established\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
        Pipe.both(client, in, upstream);
      } else {
        // absolute-form: the upstream server takes the request line as it is
        URI target = URI.create(requestLine[1]);
        Socket upstream = new Socket(target.getHost(), target.getPort());
        upstream.getOutputStream().write(head);
        Pipe.both(client, in, upstream);
      }
    } catch (IOException | RuntimeException e) {
      Pipe.closeQuietly(client);
    }
  }

  private static String header(String[] lines) {
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0
          && line.substring(0, colon).toLowerCase(Locale.ROOT).equals("proxy-authorization")) {
        return line.substring(colon + 1).strip();
      }
    }
    return null;
  }

  /** The request line and headers, up to and including the blank line. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed before the end of the request head");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toByteArray();
  }

  @Override
  public void close() throws IOException {
    server.close();
    connections.shutdownNow();
  }
}
