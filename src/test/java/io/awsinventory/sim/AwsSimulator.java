package io.awsinventory.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.awsinventory.sim.SimEstate.SimAccount;
import io.awsinventory.sim.SimEstate.SimInstance;
import io.awsinventory.sim.SimEstate.SimOu;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * An AWS simulator on loopback for the calls aws-inventory makes: EC2 and RDS Query, STS Query and
 * Organizations JSON 1.1, with real pagination, an estate from {@link SimEstate}, and knobs for
 * latency, EC2-style throttling, 5xx answers, hanging calls, denials and expiring sessions. As in
 * AWS, the account a call acts in follows from its access key; keys issued by AssumeRole act in the
 * role's account. It counts calls per API and per account x region.
 */
public final class AwsSimulator implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // answer without Nagle's delay: headers and body are two writes, and a delayed ACK would add
    // 40 ms to every call, latency real AWS does not have
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  private final SimEstate estate;
  private final SimConfig config;
  private final HttpServer server;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "simulator");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> callsByApi = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> callsByTarget = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> callsByTargetApi = new ConcurrentHashMap<>();
  private final LongAdder throttled = new LongAdder();
  private final LongAdder serverErrors = new LongAdder();
  private final LongAdder hung = new LongAdder();
  private final LongAdder expired = new LongAdder();
  private final LongAdder denied = new LongAdder();
  private final AtomicInteger issued = new AtomicInteger();

  private record Session(String accountId, String arn, Instant expiresAt) {}

  private record Caller(String accountId, String arn, boolean expired) {}

  private AwsSimulator(SimConfig config, int port) throws IOException {
    this.config = config;
    this.estate = new SimEstate(config);
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

  /** A secret for the management account's keys: the simulator takes any. */
  public static final String SECRET_ACCESS_KEY = "simulated-secret-access-key-0000000000";

  /**
   * The start of a command line that runs {@code command} against {@code endpoint} (this simulator,
   * or something in front of it) with the management account's keys; callers add their options.
   */
  public List<String> commandFromManagement(
      String command, String endpoint, String secretAccessKey) {
    return new java.util.ArrayList<>(
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

  public long calls() {
    return callsByApi.values().stream().mapToLong(LongAdder::sum).sum();
  }

  public long calls(String api) {
    LongAdder adder = callsByApi.get(api);
    return adder == null ? 0 : adder.sum();
  }

  public long throttled() {
    return throttled.sum();
  }

  public long serverErrors() {
    return serverErrors.sum();
  }

  public long expiredRejections() {
    return expired.sum();
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

  /** Counters as JSON, also served at {@code /sim/stats}. */
  public ObjectNode stats() {
    ObjectNode stats = JSON.createObjectNode();
    stats.put("calls", calls());
    stats.put("throttled", throttled.sum());
    stats.put("serverErrors", serverErrors.sum());
    stats.put("hung", hung.sum());
    stats.put("expired", expired.sum());
    stats.put("denied", denied.sum());
    stats.put("assumeRoles", issued.get());
    stats.set("byApi", counts(callsByApi));
    stats.set("byTarget", counts(callsByTarget));
    stats.set("byTargetApi", counts(callsByTargetApi));
    return stats;
  }

  private static ObjectNode counts(Map<String, LongAdder> map) {
    ObjectNode node = JSON.createObjectNode();
    new TreeMap<>(map).forEach((k, v) -> node.put(k, v.sum()));
    return node;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      if (exchange.getRequestURI().getPath().startsWith("/sim/")) {
        reply(
            exchange,
            200,
            "application/json",
            JSON.writerWithDefaultPrettyPrinter().writeValueAsString(stats()));
        return;
      }
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String[] scope = credentialScope(exchange);
      String region = scope[1];
      String service = scope[2];
      if (target != null) {
        organizations(exchange, target.substring(target.indexOf('.') + 1), body, caller(scope[0]));
      } else {
        query(exchange, parseForm(body), service, region, caller(scope[0]));
      }
    } catch (RuntimeException e) {
      reply(exchange, 500, "text/xml", SimXml.ec2Error("InternalError", "simulator: " + e));
    }
  }

  /** {@code Credential=KEY/date/region/service/aws4_request} of a SigV4 Authorization header. */
  private static String[] credentialScope(HttpExchange exchange) {
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

  private Caller caller(String accessKey) {
    if (accessKey.isEmpty()) {
      return new Caller(null, null, false);
    }
    Session session = sessions.get(accessKey);
    if (session != null) {
      return new Caller(
          session.accountId(), session.arn(), Instant.now().isAfter(session.expiresAt()));
    }
    if (accessKey.startsWith("AKIASIM")) {
      String account = accessKey.substring(7);
      if (estate.account(account) != null) {
        return new Caller(account, "arn:aws:iam::" + account + ":user/inventory", false);
      }
    }
    return null;
  }

  private void count(String api, String account, String region) {
    callsByApi.computeIfAbsent(api, k -> new LongAdder()).increment();
    if (account != null) {
      callsByTarget.computeIfAbsent(account + "/" + region, k -> new LongAdder()).increment();
      callsByTargetApi
          .computeIfAbsent(account + "/" + region + "/" + api, k -> new LongAdder())
          .increment();
    }
  }

  private void query(
      HttpExchange exchange, Map<String, String> form, String service, String region, Caller caller)
      throws IOException {
    String action = form.getOrDefault("Action", "");
    boolean sts = service.equals("sts");
    boolean rds = service.equals("rds");
    count(action, caller == null ? null : caller.accountId(), region);
    String namespace = sts ? SimXml.STS_NS : SimXml.RDS_NS;
    if (action.equals("AssumeRoleWithWebIdentity")) {
      assumeRole(exchange, form, null);
      return;
    }
    if (caller == null || caller.accountId() == null) {
      String message = "The security token included in the request is invalid.";
      if (sts || rds) {
        reply(
            exchange,
            403,
            "text/xml",
            SimXml.queryError(namespace, "InvalidClientTokenId", message));
      } else {
        reply(exchange, 401, "text/xml", SimXml.ec2Error("AuthFailure", message));
      }
      return;
    }
    if (caller.expired()) {
      expired.increment();
      String message = "The security token included in the request is expired";
      reply(
          exchange,
          400,
          "text/xml",
          sts || rds
              ? SimXml.queryError(namespace, "ExpiredToken", message)
              : SimXml.ec2Error("RequestExpired", "Request has expired."));
      return;
    }
    if (sts) {
      switch (action) {
        case "GetCallerIdentity" ->
            reply(
                exchange,
                200,
                "text/xml",
                SimXml.query(
                    SimXml.STS_NS,
                    action,
                    "<Arn>"
                        + caller.arn()
                        + "</Arn><UserId>AIDASIM"
                        + caller.accountId()
                        + "</UserId><Account>"
                        + caller.accountId()
                        + "</Account>"));
        case "AssumeRole" -> assumeRole(exchange, form, caller);
        default ->
            reply(
                exchange,
                400,
                "text/xml",
                SimXml.queryError(SimXml.STS_NS, "InvalidAction", action));
      }
      return;
    }
    if (!faults(exchange, caller.accountId(), region, action, rds)) {
      return;
    }
    String account = caller.accountId();
    switch (action) {
      case "DescribeRegions" -> reply(exchange, 200, "text/xml", describeRegions(account));
      case "DescribeInstances" ->
          reply(exchange, 200, "text/xml", describeInstances(account, region, form));
      case "DescribeReservedInstances" ->
          reply(exchange, 200, "text/xml", describeReserved(account, region));
      case "DescribeImages" ->
          reply(exchange, 200, "text/xml", describeImages(account, region, form));
      case "DescribeDBInstances" ->
          reply(exchange, 200, "text/xml", describeDbInstances(account, region, form));
      default ->
          reply(
              exchange,
              400,
              "text/xml",
              SimXml.ec2Error(
                  "InvalidAction", "The action " + action + " is not valid for this web service."));
    }
  }

  /** Applies the knobs; answers and returns false when one of them ends the call. */
  private boolean faults(
      HttpExchange exchange, String account, String region, String action, boolean rds)
      throws IOException {
    sleep(
        config
            .latency()
            .plusMillis(
                config.jitter().isZero()
                    ? 0
                    : ThreadLocalRandom.current().nextLong(config.jitter().toMillis() + 1)));
    boolean hangs =
        config.hangingRegions().contains(region)
            || config.hangingRegions().contains(account + "/" + region);
    if (hangs && !action.equals("DescribeRegions")) {
      hung.increment();
      sleep(config.hangFor());
      reply(exchange, 504, "text/xml", SimXml.ec2Error("GatewayTimeout", "hung"));
      return false;
    }
    if (config.serverErrorRate() > 0
        && ThreadLocalRandom.current().nextDouble() < config.serverErrorRate()) {
      serverErrors.increment();
      reply(
          exchange,
          503,
          "text/xml",
          rds
              ? SimXml.queryError(
                  SimXml.RDS_NS, "ServiceUnavailable", "Service unavailable, try again")
              : SimXml.ec2Error(
                  "Unavailable", "The server is overloaded and can't handle the request."));
      return false;
    }
    if (config.bucketRefillPerSecond() > 0
        && !buckets
            .computeIfAbsent(
                account + "/" + region + "/" + action,
                k -> new TokenBucket(config.bucketBurst(), config.bucketRefillPerSecond()))
            .take()) {
      throttled.increment();
      if (rds) {
        reply(
            exchange,
            400,
            "text/xml",
            SimXml.queryError(SimXml.RDS_NS, "Throttling", "Rate exceeded"));
      } else {
        reply(
            exchange,
            503,
            "text/xml",
            SimXml.ec2Error("RequestLimitExceeded", "Request limit exceeded."));
      }
      return false;
    }
    boolean isDenied =
        config.deniedAccounts().contains(account)
            || config.deniedApis().contains(action)
            || (config.deniedRegions().contains(region) && !action.equals("DescribeRegions"));
    if (isDenied) {
      denied.increment();
      if (rds) {
        reply(
            exchange,
            403,
            "text/xml",
            SimXml.queryError(
                SimXml.RDS_NS, "AccessDenied", "User is not authorized to perform: rds:" + action));
      } else {
        reply(
            exchange,
            403,
            "text/xml",
            SimXml.ec2Error(
                "UnauthorizedOperation", "You are not authorized to perform this operation."));
      }
      return false;
    }
    if (!action.equals("DescribeRegions") && !estate.isEnabled(account, region)) {
      reply(
          exchange,
          401,
          "text/xml",
          SimXml.ec2Error(
              "AuthFailure", "AWS was not able to validate the provided access credentials"));
      return false;
    }
    return true;
  }

  private void assumeRole(HttpExchange exchange, Map<String, String> form, Caller caller)
      throws IOException {
    String roleArn = form.getOrDefault("RoleArn", "");
    String[] parts = roleArn.split(":");
    SimAccount account = parts.length > 5 ? estate.account(parts[4]) : null;
    if (account == null
        || !account.active()
        || config.deniedAccounts().contains("assume:" + parts[4])) {
      denied.increment();
      reply(
          exchange,
          403,
          "text/xml",
          SimXml.queryError(
              SimXml.STS_NS,
              "AccessDenied",
              "User "
                  + (caller == null ? "web identity" : caller.arn())
                  + " is not authorized to perform: sts:AssumeRole on resource: "
                  + roleArn));
      return;
    }
    String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
    String sessionName = form.getOrDefault("RoleSessionName", "session");
    String key = String.format("ASIASIM%013d", issued.incrementAndGet());
    Instant expires = Instant.now().plus(config.tokenLifetime());
    String arn = "arn:aws:sts::" + account.id() + ":assumed-role/" + roleName + "/" + sessionName;
    sessions.put(key, new Session(account.id(), arn, expires));
    String action = form.get("Action");
    reply(
        exchange,
        200,
        "text/xml",
        SimXml.query(
            SimXml.STS_NS,
            action,
            "<Credentials><AccessKeyId>"
                + key
                + "</AccessKeyId><SecretAccessKey>sim-secret-"
                + key
                + "</SecretAccessKey><SessionToken>sim-token-"
                + key
                + "</SessionToken><Expiration>"
                + expires
                + "</Expiration></Credentials><AssumedRoleUser><Arn>"
                + arn
                + "</Arn><AssumedRoleId>AROASIM:"
                + sessionName
                + "</AssumedRoleId></AssumedRoleUser>"));
  }

  private String describeRegions(String account) {
    StringBuilder items = new StringBuilder("<regionInfo>");
    estate
        .regionStatus(account)
        .forEach(
            (region, status) ->
                items
                    .append("<item><regionName>")
                    .append(region)
                    .append("</regionName><regionEndpoint>ec2.")
                    .append(region)
                    .append(".amazonaws.com</regionEndpoint><optInStatus>")
                    .append(status)
                    .append("</optInStatus></item>"));
    return SimXml.ec2("DescribeRegions", items.append("</regionInfo>"));
  }

  private static int offset(String token) {
    return token == null || token.isEmpty() ? 0 : Integer.parseInt(token.substring(4));
  }

  private static int pageSize(String value, int min, int max, int absent) {
    if (value == null) {
      return absent;
    }
    return Math.max(min, Math.min(max, Integer.parseInt(value)));
  }

  private String describeInstances(String account, String region, Map<String, String> form) {
    int total = estate.instanceCount(account, region);
    int from = offset(form.get("NextToken"));
    int size = pageSize(form.get("MaxResults"), 5, 1000, 1000);
    int to = Math.min(total, from + size);
    StringBuilder out =
        new StringBuilder(Math.max(64, (to - from) * 900)).append("<reservationSet>");
    for (int i = from; i < to; i++) {
      SimInstance instance = estate.instance(account, region, i);
      out.append("<item><reservationId>r-")
          .append(instance.id().substring(2))
          .append("</reservationId><ownerId>")
          .append(account)
          .append("</ownerId><groupSet/><instancesSet><item>");
      SimXml.element(out, "instanceId", instance.id());
      SimXml.element(out, "imageId", instance.imageId());
      out.append("<instanceState><code>")
          .append(stateCode(instance.state()))
          .append("</code><name>")
          .append(instance.state())
          .append("</name></instanceState>");
      SimXml.element(
          out,
          "privateDnsName",
          "ip-10-0-" + (i % 250) + "-" + (i / 250 % 250) + "." + region + ".compute.internal");
      SimXml.element(out, "instanceType", instance.type());
      SimXml.element(out, "launchTime", instance.launched());
      out.append("<placement><availabilityZone>")
          .append(instance.zone())
          .append("</availabilityZone><tenancy>default</tenancy></placement>");
      SimXml.element(out, "privateIpAddress", "10.0." + (i % 250) + "." + (i / 250 % 250));
      SimXml.element(out, "architecture", instance.type().startsWith("c6g") ? "arm64" : "x86_64");
      SimXml.element(out, "platformDetails", "Linux/UNIX");
      SimXml.element(out, "usageOperation", "RunInstances");
      out.append(
          "<cpuOptions><coreCount>2</coreCount><threadsPerCore>2</threadsPerCore></cpuOptions>");
      out.append("<tagSet><item><key>Name</key><value>")
          .append(SimXml.escape(instance.name()))
          .append("</value></item><item><key>CostCenter</key><value>cc-")
          .append(i % 17)
          .append(", \"shared\"</value></item></tagSet>");
      out.append("</item></instancesSet></item>");
    }
    out.append("</reservationSet>");
    if (to < total) {
      out.append("<nextToken>sim-").append(to).append("</nextToken>");
    }
    return SimXml.ec2("DescribeInstances", out);
  }

  private static int stateCode(String state) {
    return switch (state) {
      case "running" -> 16;
      case "stopped" -> 80;
      case "terminated" -> 48;
      default -> 0;
    };
  }

  private String describeReserved(String account, String region) {
    StringBuilder out = new StringBuilder("<reservedInstancesSet>");
    for (int i = 0; i < estate.reservedCount(account, region); i++) {
      out.append("<item>");
      SimXml.element(out, "reservedInstancesId", estate.reservedId(account, region, i));
      SimXml.element(out, "instanceType", estate.instanceType(i));
      SimXml.element(out, "availabilityZone", region + "a");
      SimXml.element(out, "start", "2025-01-01T00:00:00.000Z");
      SimXml.element(out, "end", "2026-01-01T00:00:00.000Z");
      SimXml.element(out, "duration", 31536000);
      SimXml.element(out, "fixedPrice", 100.0 + i);
      SimXml.element(out, "usagePrice", 0.0);
      SimXml.element(out, "instanceCount", 1 + i % 3);
      SimXml.element(out, "productDescription", "Linux/UNIX");
      SimXml.element(out, "state", i % 4 == 3 ? "retired" : "active");
      SimXml.element(out, "instanceTenancy", "default");
      SimXml.element(out, "currencyCode", "USD");
      SimXml.element(out, "offeringType", "No Upfront");
      SimXml.element(out, "offeringClass", "standard");
      SimXml.element(out, "scope", "Region");
      out.append("</item>");
    }
    return SimXml.ec2("DescribeReservedInstances", out.append("</reservedInstancesSet>"));
  }

  private String describeImages(String account, String region, Map<String, String> form) {
    List<String[]> matches = new ArrayList<>();
    if ("self".equals(form.get("Owner.1"))) {
      for (int i = 0; i < estate.ownedImageCount(account, region); i++) {
        matches.add(new String[] {estate.imageId(account, region, i), account, "owned-" + i});
      }
    } else if ("image-id".equals(form.get("Filter.1.Name"))) {
      Set<String> owned = new LinkedHashSet<>();
      for (int i = 0; i < estate.ownedImageCount(account, region); i++) {
        owned.add(estate.imageId(account, region, i));
      }
      for (int v = 1; form.containsKey("Filter.1.Value." + v); v++) {
        String id = form.get("Filter.1.Value." + v);
        if (owned.contains(id)) {
          matches.add(new String[] {id, account, "owned"});
        } else if (SimEstate.PUBLIC_IMAGES.contains(id)) {
          matches.add(new String[] {id, "137112412989", "amzn2-ami-hvm-" + id});
        }
      }
    }
    int from = offset(form.get("NextToken"));
    int size = pageSize(form.get("MaxResults"), 5, 1000, 1000);
    int to = Math.min(matches.size(), from + size);
    StringBuilder out = new StringBuilder("<imagesSet>");
    for (String[] image : matches.subList(Math.min(from, matches.size()), to)) {
      out.append("<item>");
      SimXml.element(out, "imageId", image[0]);
      SimXml.element(out, "imageLocation", image[1] + "/" + image[2]);
      SimXml.element(out, "imageState", "available");
      SimXml.element(out, "imageOwnerId", image[1]);
      SimXml.element(out, "creationDate", "2024-05-01T10:00:00.000Z");
      SimXml.element(out, "isPublic", !image[1].equals(account));
      SimXml.element(out, "architecture", "x86_64");
      SimXml.element(out, "imageType", "machine");
      SimXml.element(out, "name", image[2]);
      SimXml.element(out, "rootDeviceType", "ebs");
      SimXml.element(out, "virtualizationType", "hvm");
      SimXml.element(out, "hypervisor", "xen");
      SimXml.element(out, "platformDetails", "Linux/UNIX");
      out.append("</item>");
    }
    out.append("</imagesSet>");
    if (to < matches.size()) {
      out.append("<nextToken>sim-").append(to).append("</nextToken>");
    }
    return SimXml.ec2("DescribeImages", out);
  }

  private String describeDbInstances(String account, String region, Map<String, String> form) {
    int total = estate.dbCount(account, region);
    int from = offset(form.get("Marker"));
    int size = pageSize(form.get("MaxRecords"), 20, 100, 100);
    int to = Math.min(total, from + size);
    StringBuilder out = new StringBuilder("<DBInstances>");
    for (int i = from; i < to; i++) {
      String id = estate.dbId(account, region, i);
      out.append("<DBInstance>");
      SimXml.element(out, "DBInstanceIdentifier", id);
      SimXml.element(out, "DBInstanceArn", "arn:aws:rds:" + region + ":" + account + ":db:" + id);
      SimXml.element(out, "DBInstanceClass", "db.r6g.large");
      SimXml.element(out, "Engine", estate.engine(i));
      SimXml.element(out, "EngineVersion", "15.4");
      SimXml.element(
          out,
          "LicenseModel",
          estate.engine(i).startsWith("oracle")
              ? "bring-your-own-license"
              : "general-public-license");
      SimXml.element(out, "DBInstanceStatus", "available");
      SimXml.element(out, "MultiAZ", i % 2 == 0);
      SimXml.element(out, "AvailabilityZone", region + "b");
      SimXml.element(out, "AllocatedStorage", 100);
      SimXml.element(out, "StorageType", "gp3");
      SimXml.element(out, "InstanceCreateTime", "2024-02-03T04:05:06.000Z");
      out.append("<Endpoint><Address>")
          .append(id)
          .append(".sim.")
          .append(region)
          .append(".rds.amazonaws.com</Address><Port>5432</Port></Endpoint>");
      out.append("<TagList><Tag><Key>Name</Key><Value>")
          .append(id)
          .append("</Value></Tag></TagList>");
      out.append("</DBInstance>");
    }
    out.append("</DBInstances>");
    if (to < total) {
      out.append("<Marker>sim-").append(to).append("</Marker>");
    }
    return SimXml.query(SimXml.RDS_NS, "DescribeDBInstances", out);
  }

  private void organizations(HttpExchange exchange, String api, String body, Caller caller)
      throws IOException {
    count(api, caller == null ? null : caller.accountId(), "us-east-1");
    if (caller == null || caller.accountId() == null) {
      orgError(
          exchange,
          400,
          "UnrecognizedClientException",
          "The security token included in the request is invalid.");
      return;
    }
    if (caller.expired()) {
      expired.increment();
      orgError(
          exchange,
          400,
          "ExpiredTokenException",
          "The security token included in the request is expired");
      return;
    }
    if (!caller.accountId().equals(estate.managementId()) || config.deniedApis().contains(api)) {
      denied.increment();
      orgError(
          exchange,
          400,
          "AccessDeniedException",
          "You don't have permissions to access this resource: organizations:" + api);
      return;
    }
    sleep(config.latency());
    JsonNode request = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    String parent = request.path("ParentId").asText(null);
    int from = offset(request.path("NextToken").asText(null));
    int size = request.has("MaxResults") ? Math.min(20, request.get("MaxResults").asInt()) : 20;
    ObjectNode response = JSON.createObjectNode();
    switch (api) {
      case "ListRoots" ->
          response
              .putArray("Roots")
              .addObject()
              .put("Id", "r-sim0")
              .put("Name", "Root")
              .put("Arn", "arn:aws:organizations::" + estate.managementId() + ":root/o-sim/r-sim0");
      case "DescribeOrganization" ->
          response
              .putObject("Organization")
              .put("Id", "o-sim")
              .put("MasterAccountId", estate.managementId())
              .put("FeatureSet", "ALL");
      case "ListAccounts", "ListAccountsForParent" -> {
        List<SimAccount> accounts =
            estate.accounts().stream()
                .filter(a -> parent == null || a.parentId().equals(parent))
                .toList();
        ArrayNode list = response.putArray("Accounts");
        for (SimAccount account :
            accounts.subList(
                Math.min(from, accounts.size()), Math.min(accounts.size(), from + size))) {
          list.addObject()
              .put("Id", account.id())
              .put("Name", account.name())
              .put("Email", account.name() + "@example.com")
              .put("Status", account.state())
              .put("State", account.state())
              .put(
                  "Arn",
                  "arn:aws:organizations::"
                      + estate.managementId()
                      + ":account/o-sim/"
                      + account.id())
              .put("JoinedMethod", "CREATED")
              .put("JoinedTimestamp", 1.7e9);
        }
        if (from + size < accounts.size()) {
          response.put("NextToken", "sim-" + (from + size));
        }
      }
      case "ListOrganizationalUnitsForParent" -> {
        List<SimOu> units =
            estate.units().stream()
                .filter(u -> parent != null && parent.equals(u.parentId()))
                .toList();
        ArrayNode list = response.putArray("OrganizationalUnits");
        for (SimOu unit :
            units.subList(Math.min(from, units.size()), Math.min(units.size(), from + size))) {
          list.addObject()
              .put("Id", unit.id())
              .put("Name", unit.name())
              .put(
                  "Arn",
                  "arn:aws:organizations::" + estate.managementId() + ":ou/o-sim/" + unit.id());
        }
        if (from + size < units.size()) {
          response.put("NextToken", "sim-" + (from + size));
        }
      }
      default -> {
        orgError(exchange, 400, "InvalidInputException", "unknown operation " + api);
        return;
      }
    }
    reply(exchange, 200, "application/x-amz-json-1.1", JSON.writeValueAsString(response));
  }

  private static void orgError(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    ObjectNode error = JSON.createObjectNode().put("__type", type).put("Message", message);
    reply(exchange, status, "application/x-amz-json-1.1", JSON.writeValueAsString(error));
  }

  /** The fields of an AWS Query request body ({@code Action=...&Version=...}). */
  public static Map<String, String> parseForm(String body) {
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

  private static void reply(HttpExchange exchange, int status, String type, String text)
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

  private static void sleep(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** An EC2-style token bucket: a burst, refilled at a steady rate. */
  static final class TokenBucket {
    private final int burst;
    private final double refillPerNano;
    private double tokens;
    private long last = System.nanoTime();

    TokenBucket(int burst, double refillPerSecond) {
      this.burst = burst;
      this.refillPerNano = refillPerSecond / 1e9;
      this.tokens = burst;
    }

    synchronized boolean take() {
      long now = System.nanoTime();
      tokens = Math.min(burst, tokens + (now - last) * refillPerNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Runs the simulator as a process: {@code --port P} and the knobs of {@link SimConfig#parse}. */
  public static void main(String[] args) throws Exception {
    List<String> rest = new ArrayList<>(List.of(args));
    int port = 0;
    int at = rest.indexOf("--port");
    if (at >= 0) {
      port = Integer.parseInt(rest.get(at + 1));
      rest.remove(at);
      rest.remove(at);
    }
    String truthFile = null;
    int truthAt = rest.indexOf("--truth-file");
    if (truthAt >= 0) {
      truthFile = rest.get(truthAt + 1);
      rest.remove(truthAt);
      rest.remove(truthAt);
    }
    AwsSimulator simulator = start(SimConfig.parse(rest), port);
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
