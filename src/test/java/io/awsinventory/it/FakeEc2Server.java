package io.awsinventory.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.awsinventory.sim.AwsSimulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
  private volatile Duration tokenLifetime = Duration.ofHours(1);
  private volatile Duration latency = Duration.ZERO;
  private final Set<String> deniedRoles = ConcurrentHashMap.newKeySet();
  private final AtomicInteger issuedCount = new AtomicInteger();
  private final AtomicInteger expiredRejections = new AtomicInteger();
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final List<String> accountsSeen = new CopyOnWriteArrayList<>();

  /** Temporary credentials this fake issued with AssumeRole. */
  private record Session(String accountId, String arn, Instant expiresAt) {}

  private final Set<String> denied = ConcurrentHashMap.newKeySet();

  public FakeEc2Server() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  /** The access key id the tests reach this server with; any secret is taken. */
  public static final String ACCESS_KEY_ID = "AKIAFAKEFAKEFAKEFAKE";

  public static final String SECRET_ACCESS_KEY = "fake-secret-fake-secret-fake-secret-0000";

  /** The options that point a run at this server with static keys. */
  public List<String> reachWith(String secretAccessKey) {
    return List.of(
        "--endpoint-url",
        endpoint().toString(),
        "--access-key-id",
        ACCESS_KEY_ID,
        "--secret-access-key",
        secretAccessKey);
  }

  /** The options of a run that collects this server's reserved instances into {@code out}. */
  public List<String> reservedInstancesInto(Path out, String secretAccessKey) {
    List<String> options = new ArrayList<>(reachWith(secretAccessKey));
    options.addAll(List.of("--resources", "reserved-instances", "--output-dir", out.toString()));
    return options;
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

  /** Issued role sessions expire after {@code lifetime}; a call signed with one later fails. */
  public void tokenLifetime(Duration lifetime) {
    tokenLifetime = lifetime;
  }

  /** Every EC2 call waits this long before it answers. */
  public void latency(Duration delay) {
    latency = delay;
  }

  /** AssumeRole of this role ARN answers AccessDenied. */
  public void denyAssumeRole(String roleArn) {
    deniedRoles.add(roleArn);
  }

  /** Calls refused because their session had expired. */
  public int expiredRejections() {
    return expiredRejections.get();
  }

  /** The account each EC2 call acted in, in arrival order. */
  public List<String> accountsSeen() {
    return accountsSeen;
  }

  /** The {@code <item>} elements of reservedInstancesSet. */
  public void reservedInstances(String itemsXml) {
    reservedInstancesXml = itemsXml;
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    Map<String, String> form =
        AwsSimulator.parseForm(
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    received.add(form);
    String action = form.getOrDefault("Action", "");
    byAction.computeIfAbsent(action, k -> new AtomicInteger()).incrementAndGet();
    Session session = sessions.get(accessKey(exchange));
    if (session != null && Instant.now().isAfter(session.expiresAt())) {
      expiredRejections.incrementAndGet();
      String message = "The security token included in the request is expired";
      reply(
          exchange,
          400,
          action.equals("GetCallerIdentity") || action.equals("AssumeRole")
              ? stsError("ExpiredToken", message)
              : error("RequestExpired", message));
      return;
    }
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
    if (!action.equals("GetCallerIdentity") && !action.startsWith("AssumeRole")) {
      accountsSeen.add(session == null ? ACCOUNT_ID : session.accountId());
      sleep(latency);
    }
    switch (action) {
      case "AssumeRole", "AssumeRoleWithWebIdentity" -> assumeRole(exchange, form);
      case "GetCallerIdentity" -> reply(exchange, 200, callerIdentity(session));
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

  private static String callerIdentity(Session session) {
    String account = session == null ? ACCOUNT_ID : session.accountId();
    String arn = session == null ? "arn:aws:iam::" + ACCOUNT_ID + ":user/inventory" : session.arn();
    return "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
        + "<GetCallerIdentityResult><Arn>"
        + arn
        + "</Arn><UserId>AIDAFAKEUSERID</UserId><Account>"
        + account
        + "</Account></GetCallerIdentityResult>"
        + "<ResponseMetadata><RequestId>fake-request</RequestId></ResponseMetadata>"
        + "</GetCallerIdentityResponse>";
  }

  private void assumeRole(HttpExchange exchange, Map<String, String> form) throws IOException {
    String roleArn = form.get("RoleArn");
    if (deniedRoles.contains(roleArn)) {
      reply(
          exchange,
          403,
          stsError(
              "AccessDenied",
              "User is not authorized to perform: sts:AssumeRole on resource: " + roleArn));
      return;
    }
    String account = roleArn.split(":")[4];
    String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
    String sessionName = form.get("RoleSessionName");
    String accessKey = String.format("ASIAFAKE%012d", issuedCount.incrementAndGet());
    Instant expiresAt = Instant.now().plus(tokenLifetime);
    String arn = "arn:aws:sts::" + account + ":assumed-role/" + roleName + "/" + sessionName;
    sessions.put(accessKey, new Session(account, arn, expiresAt));
    reply(
        exchange,
        200,
        "<"
            + form.get("Action")
            + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><"
            + form.get("Action")
            + "Result>"
            + "<Credentials><AccessKeyId>"
            + accessKey
            + "</AccessKeyId><SecretAccessKey>fake-secret-"
            + accessKey
            + "</SecretAccessKey><SessionToken>fake-token-"
            + accessKey
            + "</SessionToken><Expiration>"
            + expiresAt
            + "</Expiration></Credentials><AssumedRoleUser><Arn>"
            + arn
            + "</Arn><AssumedRoleId>AROAFAKE:"
            + sessionName
            + "</AssumedRoleId></AssumedRoleUser></"
            + form.get("Action")
            + "Result><ResponseMetadata><RequestId>fake-request</RequestId></ResponseMetadata></"
            + form.get("Action")
            + "Response>");
  }

  /** The access key of a SigV4 request: {@code Credential=KEY/date/region/service/aws4_request}. */
  private static String accessKey(HttpExchange exchange) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null) {
      return "";
    }
    int at = authorization.indexOf("Credential=");
    if (at < 0) {
      return "";
    }
    int end = authorization.indexOf('/', at);
    return authorization.substring(at + "Credential=".length(), end);
  }

  private static void sleep(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
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

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
