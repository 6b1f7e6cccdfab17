package io.awsinventory.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP-level fake of the EC2 and STS Query APIs on loopback, for what moto lacks: it serves
 * DescribeReservedInstances in the real EC2 XML format, answers GetCallerIdentity and
 * DescribeRegions, records every request, and answers anything else with an EC2 error.
 */
public final class FakeEc2Server implements AutoCloseable {
  public static final String ACCOUNT_ID = "111122223333";

  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final Map<String, AtomicInteger> byAction = new ConcurrentHashMap<>();
  private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
  private volatile String reservedInstancesXml = "";
  private volatile boolean rejectCredentials;
  private final Set<String> denied = ConcurrentHashMap.newKeySet();

  public FakeEc2Server() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public int requests() {
    return requests.get();
  }

  public int requests(String action) {
    return byAction.getOrDefault(action, new AtomicInteger()).get();
  }

  public List<Map<String, String>> received() {
    return received;
  }

  /** Answers every call as AWS answers an unknown access key. */
  public void rejectCredentials() {
    rejectCredentials = true;
  }

  /** Answers {@code action} with EC2's UnauthorizedOperation. */
  public void deny(String action) {
    denied.add(action);
  }

  /** The {@code <item>} elements of reservedInstancesSet. */
  public void reservedInstances(String itemsXml) {
    reservedInstancesXml = itemsXml;
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    Map<String, String> form =
        parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    received.add(form);
    String action = form.getOrDefault("Action", "");
    byAction.computeIfAbsent(action, k -> new AtomicInteger()).incrementAndGet();
    if (rejectCredentials) {
      String message = "The security token included in the request is invalid.";
      reply(
          exchange,
          403,
          action.equals("GetCallerIdentity")
              ? stsError("InvalidClientTokenId", message)
              : error("AuthFailure", message));
      return;
    }
    if (denied.contains(action)) {
      reply(
          exchange,
          403,
          error("UnauthorizedOperation", "You are not authorized to perform this operation."));
      return;
    }
    switch (action) {
      case "GetCallerIdentity" -> reply(exchange, 200, callerIdentity());
      case "DescribeRegions" -> reply(exchange, 200, regions());
      case "DescribeReservedInstances" ->
          reply(
              exchange,
              200,
              ec2Response(
                  "DescribeReservedInstancesResponse",
                  "<reservedInstancesSet>" + reservedInstancesXml + "</reservedInstancesSet>"));
      default ->
          reply(
              exchange,
              400,
              error(
                  "InvalidAction", "The action " + action + " is not valid for this web service."));
    }
  }

  /** STS answers errors in the Query protocol's ErrorResponse shape. */
  private static String stsError(String code, String message) {
    return "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
        + "<Code>"
        + code
        + "</Code><Message>"
        + message
        + "</Message></Error><RequestId>fake</RequestId></ErrorResponse>";
  }

  /** EC2 answers errors in its own Response/Errors shape. */
  private static String error(String code, String message) {
    return "<Response><Errors><Error><Code>"
        + code
        + "</Code><Message>"
        + message
        + "</Message></Error></Errors><RequestID>fake</RequestID></Response>";
  }

  private static String callerIdentity() {
    return "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
        + "<GetCallerIdentityResult><Arn>arn:aws:iam::"
        + ACCOUNT_ID
        + ":user/inventory</Arn><UserId>AIDAFAKEUSERID</UserId><Account>"
        + ACCOUNT_ID
        + "</Account></GetCallerIdentityResult>"
        + "<ResponseMetadata><RequestId>fake-request</RequestId></ResponseMetadata>"
        + "</GetCallerIdentityResponse>";
  }

  private static String regions() {
    StringBuilder items = new StringBuilder();
    for (String[] region :
        new String[][] {
          {"eu-west-1", "opt-in-not-required"},
          {"us-east-1", "opt-in-not-required"},
          {"af-south-1", "not-opted-in"}
        }) {
      items
          .append("<item><regionName>")
          .append(region[0])
          .append("</regionName><regionEndpoint>ec2.")
          .append(region[0])
          .append(".amazonaws.com</regionEndpoint><optInStatus>")
          .append(region[1])
          .append("</optInStatus></item>");
    }
    return ec2Response("DescribeRegionsResponse", "<regionInfo>" + items + "</regionInfo>");
  }

  private static String ec2Response(String element, String body) {
    return "<"
        + element
        + " xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>fake-request</requestId>"
        + body
        + "</"
        + element
        + ">";
  }

  private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Map<String, String> parse(String body) {
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

  @Override
  public void close() {
    server.stop(0);
  }
}
