package io.awsinventory.sim;

import static io.awsinventory.sim.SimHttp.xml;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.awsinventory.sim.SimEstate.SimAccount;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An AWS simulator on loopback for the calls aws-inventory makes: EC2 and RDS Query, STS Query,
 * Organizations, Systems Manager and License Manager JSON 1.1, and the S3 bucket of a Resource Data
 * Sync, with real pagination, an estate from {@link SimEstate}, and knobs for latency, EC2-style
 * throttling, 5xx answers, hanging calls, denials and expiring sessions. As in AWS, the account a
 * call acts in follows from its access key; keys issued by AssumeRole act in the role's account. It
 * counts calls per API and per account x region.
 *
 * <p>This class receives the calls and checks their tokens; one handler per service answers them
 * ({@link StsHandler}, {@link OrganizationsHandler}, {@link S3Handler}, and the listings of every
 * other API, declared in {@link SimApis}), after {@link SimFaults} has applied the knobs.
 */
public final class AwsSimulator implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // answer without Nagle's delay: headers and body are two writes, and a delayed ACK would add
    // 40 ms to every call, latency real AWS does not have
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private static final java.util.Set<String> STS_ACTIONS =
      java.util.Set.of("GetCallerIdentity", "AssumeRole", "AssumeRoleWithWebIdentity");

  /** A secret for the management account's keys: the simulator takes any. */
  public static final String SECRET_ACCESS_KEY = "simulated-secret-access-key-0000000000";

  private final SimConfig config;
  private final SimEstate estate;
  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "simulator");
            thread.setDaemon(true);
            return thread;
          });
  private final SimStats stats = new SimStats();
  private final SimFaults faults;
  private final StsHandler sts;
  private final SimApis apis;
  private final OrganizationsHandler organizations;
  private final S3Handler s3;

  private AwsSimulator(SimConfig config, int port) throws IOException {
    this.config = config;
    this.estate = new SimEstate(config);
    this.faults = new SimFaults(config, estate, stats);
    this.sts = new StsHandler(config, estate, stats);
    this.apis = new SimApis(estate);
    this.organizations = new OrganizationsHandler(config, estate, stats);
    this.s3 = new S3Handler(config, estate, stats);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a simulator on a free loopback port. */
  public static AwsSimulator start(SimConfig config) throws IOException {
    return new AwsSimulator(config, 0);
  }

  public static AwsSimulator start(SimConfig config, int port) throws IOException {
    return new AwsSimulator(config, port);
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * The start of a command line that runs {@code command} against {@code endpoint} (this simulator,
   * or something in front of it) with the management account's keys; callers add their options.
   */
  public List<String> commandFromManagement(
      String command, String endpoint, String secretAccessKey) {
    return new ArrayList<>(
        List.of(
            command,
            "--endpoint-url",
            endpoint,
            "--access-key-id",
            SimEstate.accessKeyOf(estate.managementId()),
            "--secret-access-key",
            secretAccessKey));
  }

  /** {@link #commandFromManagement(String, String, String)} on this simulator's own endpoint. */
  public List<String> commandFromManagement(String command) {
    return commandFromManagement(command, endpoint().toString(), SECRET_ACCESS_KEY);
  }

  public SimEstate estate() {
    return estate;
  }

  /** The knobs; those a test changes after the start take effect from the next call. */
  public SimConfig config() {
    return config;
  }

  /** Every request so far, in arrival order, with {@link SimConfig#recordRequests}. */
  public List<SimStats.Request> requests() {
    return stats.requests();
  }

  /** The account each EC2 or RDS request acted in, in arrival order. */
  public List<String> accountsSeen() {
    return stats.requests().stream()
        .filter(r -> r.account() != null && !STS_ACTIONS.contains(r.action()))
        .map(SimStats.Request::account)
        .toList();
  }

  public long calls() {
    return stats.calls();
  }

  public long calls(String api) {
    return stats.calls(api);
  }

  public long throttled() {
    return stats.throttled.sum();
  }

  public long serverErrors() {
    return stats.serverErrors.sum();
  }

  public long expiredRejections() {
    return stats.expired.sum();
  }

  /** Counters as JSON, also served at {@code /sim/stats}. */
  public ObjectNode stats() {
    return stats.json();
  }

  /** The fields of an AWS Query request body ({@code Action=...&Version=...}). */
  public static Map<String, String> parseForm(String body) {
    return SimHttp.parseForm(body);
  }

  /**
   * Writes the ground truth: for each active account x enabled region x resource, the ids the
   * collector must find.
   */
  public void writeTruth(java.nio.file.Path file) throws IOException {
    ObjectNode truth = JSON.createObjectNode();
    for (SimAccount account : estate.accounts()) {
      if (!account.active()) {
        continue;
      }
      for (String region : estate.enabledRegions(account.id())) {
        for (String resource :
            List.of("instances", "reserved-instances", "images", "db-instances")) {
          ArrayNode ids = truth.putArray(account.id() + "/" + region + "/" + resource);
          estate.truth(account.id(), region, resource).forEach(ids::add);
        }
      }
    }
    JSON.writeValue(file.toFile(), truth);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      if (exchange.getRequestURI().getPath().startsWith("/sim/")) {
        SimHttp.reply(
            exchange,
            200,
            "application/json",
            JSON.writerWithDefaultPrettyPrinter().writeValueAsString(stats()));
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String[] scope = SimHttp.credentialScope(exchange);
      String region = scope[1];
      String service = scope[2];
      StsHandler.Caller caller = config.rejectCredentials ? null : sts.caller(scope[0]);
      if (service.equals("s3")) {
        s3.handle(exchange, caller == null || caller.expired() ? null : caller.accountId());
        return;
      }
      String action =
          target != null
              ? target.substring(target.indexOf('.') + 1)
              : SimHttp.parseForm(body).get("Action");
      SimConfig.RawAnswer raw = config.rawAnswer(action, region);
      if (raw != null) {
        stats.count(action, caller == null ? null : caller.accountId(), region);
        SimHttp.raw(exchange, raw);
        return;
      }
      if (target != null && (service.equals("ssm") || service.equals("license-manager"))) {
        String api = target.substring(target.indexOf('.') + 1);
        if (config.recordRequests) {
          stats.record(Map.of("Action", api), caller == null ? null : caller.accountId());
        }
        json(exchange, api, body, service, region, caller);
        return;
      }
      if (target != null) {
        String api = target.substring(target.indexOf('.') + 1);
        if (config.recordRequests) {
          stats.record(Map.of("Action", api), caller == null ? null : caller.accountId());
        }
        organizations.handle(exchange, api, body, caller);
      } else {
        Map<String, String> form = SimHttp.parseForm(body);
        if (config.recordRequests) {
          stats.record(form, caller == null ? null : caller.accountId());
        }
        query(exchange, form, service, region, caller);
      }
    } catch (RuntimeException e) {
      xml(exchange, 500, SimXml.ec2Error("InternalError", "simulator: " + e));
    }
  }

  /** A JSON 1.1 call of Systems Manager or License Manager: token checks, knobs, the service. */
  private void json(
      HttpExchange exchange,
      String api,
      String body,
      String service,
      String region,
      StsHandler.Caller caller)
      throws IOException {
    stats.count(api, caller == null ? null : caller.accountId(), region);
    if (caller == null || caller.accountId() == null) {
      SimDialect.error(
          exchange,
          400,
          "UnrecognizedClientException",
          "The security token included in the request is invalid.");
      return;
    }
    if (caller.expired()) {
      stats.expired.increment();
      SimDialect.error(
          exchange,
          400,
          "ExpiredTokenException",
          "The security token included in the request is expired");
      return;
    }
    SimDialect dialect = service.equals("ssm") ? SimDialect.SSM : SimDialect.LICENSE_MANAGER;
    if (!faults.pass(exchange, caller.accountId(), region, api, dialect)) {
      return;
    }
    if (config.notSetUpAccounts.contains(caller.accountId())) {
      SimDialect.error(
          exchange, 400, "SubscriptionRequiredException", "The account is not subscribed.");
      return;
    }
    SimApis.Api known = apis.api(api, dialect);
    if (known == null) {
      SimDialect.error(exchange, 400, "InvalidAction", "not simulated: " + api);
      return;
    }
    var request = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    apis.answer(exchange, known, new SimApis.Call(caller.accountId(), region, null, request));
  }

  /** A Query-protocol call (STS, EC2, RDS): token checks, then the knobs, then the service. */
  private void query(
      HttpExchange exchange,
      Map<String, String> form,
      String service,
      String region,
      StsHandler.Caller caller)
      throws IOException {
    String action = form.getOrDefault("Action", "");
    boolean isSts = service.equals("sts");
    boolean isRds = service.equals("rds");
    stats.count(action, caller == null ? null : caller.accountId(), region);
    String namespace = isSts ? SimXml.STS_NS : SimXml.RDS_NS;
    if (action.equals("AssumeRoleWithWebIdentity")) {
      sts.assumeRole(exchange, form, null);
      return;
    }
    if (caller == null || caller.accountId() == null) {
      String message = "The security token included in the request is invalid.";
      if (isSts || isRds) {
        xml(exchange, 403, SimXml.queryError(namespace, "InvalidClientTokenId", message));
      } else {
        xml(exchange, 401, SimXml.ec2Error("AuthFailure", message));
      }
      return;
    }
    if (caller.expired()) {
      stats.expired.increment();
      String message = "The security token included in the request is expired";
      xml(
          exchange,
          400,
          isSts || isRds
              ? SimXml.queryError(namespace, "ExpiredToken", message)
              : SimXml.ec2Error("RequestExpired", "Request has expired."));
      return;
    }
    if (isSts) {
      sts.handle(exchange, action, form, caller);
      return;
    }
    SimDialect dialect = isRds ? SimDialect.RDS : SimDialect.EC2;
    if (!faults.pass(exchange, caller.accountId(), region, action, dialect)) {
      return;
    }
    SimApis.Api known = apis.api(action, dialect);
    if (known != null) {
      apis.answer(exchange, known, new SimApis.Call(caller.accountId(), region, form, null));
    } else {
      xml(
          exchange,
          400,
          SimXml.ec2Error(
              "InvalidAction", "The action " + action + " is not valid for this web service."));
    }
  }

  /** Removes {@code --name value} from {@code args}; its value, or {@code absent}. */
  private static String take(List<String> args, String name, String absent) {
    int at = args.indexOf(name);
    if (at < 0) {
      return absent;
    }
    if (at + 1 >= args.size()) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    String value = args.get(at + 1);
    args.remove(at);
    args.remove(at);
    return value;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Runs the simulator as a process: {@code --port P} and the knobs of {@link SimConfig#parse}. */
  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(List.of(args));
    if (rest.contains("--help") || rest.contains("-h")) {
      System.out.print(SimConfig.HELP);
      return;
    }
    int port;
    String truthFile;
    SimConfig config;
    try {
      port = Integer.parseInt(take(rest, "--port", "0"));
      truthFile = take(rest, "--truth-file", null);
      config = SimConfig.parse(rest);
    } catch (IllegalArgumentException e) {
      System.err.println("simulator: " + e.getMessage() + " (see --help)");
      System.exit(2);
      return;
    }
    AwsSimulator simulator = start(config, port);
    if (truthFile != null) {
      simulator.writeTruth(java.nio.file.Path.of(truthFile));
    }
    System.out.println(
        "simulator listening on "
            + simulator.endpoint()
            + " (management account "
            + simulator.estate().managementId()
            + ", access key "
            + SimEstate.accessKeyOf(simulator.estate().managementId())
            + ")");
    System.out.flush();
    Thread.currentThread().join();
  }
}
