package io.awsinventory.sim;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The HTTP plumbing the simulator's services share: request fields, answers, page tokens. */
final class SimHttp {
  private SimHttp() {}

  /** The fields of an AWS Query request body ({@code Action=...&Version=...}). */
  static Map<String, String> parseForm(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  /** {@code Credential=KEY/date/region/service/aws4_request} of a SigV4 Authorization header. */
  static String[] credentialScope(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !authorization.contains("Credential=")) {
      return new String[] {"", "us-east-1", "sts"};
    }
    String credential = authorization.substring(authorization.indexOf("Credential=") + 11);
    String[] parts =
        credential
            .substring(
                0, credential.indexOf(',') < 0 ? credential.length() : credential.indexOf(','))
            .split("/");
    return new String[] {parts[0], parts[2], parts[3]};
  }

  static void reply(HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("x-amzn-RequestId", "sim-request");
    try {
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException clientGone) {
      exchange.close();
    }
  }

  /** Sends {@code answer} as it stands, a byte at a time when it trickles. */
  static void raw(HttpExchange exchange, SimConfig.RawAnswer answer) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    try {
      exchange.sendResponseHeaders(answer.status(), answer.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        if (answer.trickle().isZero()) {
          out.write(answer.body());
        } else {
          for (byte b : answer.body()) {
            out.write(b);
            out.flush();
            sleep(answer.trickle());
          }
        }
      }
    } catch (IOException clientGone) {
      exchange.close();
    }
  }

  static void xml(HttpExchange exchange, int status, String text) throws IOException {
    reply(exchange, status, "text/xml", text);
  }

  /** The offset a {@code sim-N} page token stands for; 0 for the first page. */
  static int offset(String token) {
    return token == null || token.isEmpty() ? 0 : Integer.parseInt(token.substring(4));
  }

  static int pageSize(String value, int min, int max, int absent) {
    if (value == null) {
      return absent;
    }
    return Math.max(min, Math.min(max, Integer.parseInt(value)));
  }

  static void sleep(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
