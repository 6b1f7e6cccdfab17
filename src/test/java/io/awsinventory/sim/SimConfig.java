package io.awsinventory.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The simulator's estate and its knobs, with fluent setters; every knob is off by default. */
public final class SimConfig {
  public long seed = 42;
  public int accounts = 3;
  public int organizationalUnits = 3;
  public int suspendedEvery = 0;
  public List<String> regions = List.of("eu-west-1", "us-east-1");
  public List<String> notOptedInRegions = List.of("af-south-1");
  public int instances = 30;
  public boolean skew = true;
  public int reservedPerTarget = 2;
  public int imagesPerTarget = 2;
  public int dbPerTarget = 2;
  // 0: the estate as first seen; 1: some instances removed, added, resized and re-licensed since
  public volatile int generation;
  public int changeEvery = 40;
  public int hostsPerTarget = 1;
  public int reservedDbPerTarget = 1;

  /** Systems Manager managed nodes per account x region; every fifth is an mi- hybrid node. */
  public int nodesPerTarget = 2;

  /** AWS:Application inventory entries per managed node. */
  public int applicationsPerNode = 3;

  /** License Manager configurations per account x region; the last has no usage. */
  public int licenseConfigurationsPerTarget = 2;

  public volatile String syncBucket;
  public volatile String syncPrefix = "";
  public volatile Set<String> notSetUpAccounts = Set.of();
  public volatile Duration latency = Duration.ZERO;
  public volatile Duration jitter = Duration.ZERO;
  public volatile Duration stsLatency = Duration.ZERO;
  public int bucketBurst = 100;
  public double bucketRefillPerSecond = 0;
  public double serverErrorRate = 0;
  public volatile Set<String> hangingRegions = Set.of();
  public Duration hangFor = Duration.ofMinutes(10);
  public volatile Set<String> deniedAccounts = Set.of();
  public volatile Set<String> deniedRegions = Set.of();
  public volatile Set<String> deniedApis = Set.of();
  public volatile Duration tokenLifetime = Duration.ofHours(1);
  public volatile String openAccount;
  public volatile boolean rejectCredentials;
  public volatile Set<String> deniedRoles = Set.of();
  public volatile String reservedInstancesXml;
  public volatile boolean recordRequests;
  public volatile Duration holdListingForRoles;
  public volatile Set<String> repeatingTokenTargets = Set.of();
  public volatile boolean repeatingAccountsToken;
  public volatile boolean organizationalUnitCycle;
  public volatile boolean echoRequestInErrors;
  public volatile boolean hostileAccountNames;
  public volatile List<String> invalidAccountIds = List.of();
  public volatile Set<String> unpagedTargets = Set.of();

  public SimConfig hostsPerTarget(int value) {
    hostsPerTarget = value;
    return this;
  }

  public SimConfig reservedDbPerTarget(int value) {
    reservedDbPerTarget = value;
    return this;
  }

  public SimConfig nodesPerTarget(int value) {
    nodesPerTarget = value;
    return this;
  }

  public SimConfig applicationsPerNode(int value) {
    applicationsPerNode = value;
    return this;
  }

  public SimConfig licenseConfigurationsPerTarget(int value) {
    licenseConfigurationsPerTarget = value;
    return this;
  }

  /**
   * An S3 bucket that holds a Resource Data Sync of the estate's managed nodes, under {@code
   * prefix} (empty for none); null for no bucket.
   */
  public SimConfig syncBucket(String bucket, String prefix) {
    syncBucket = bucket;
    syncPrefix = prefix;
    return this;
  }

  /** Accounts where Systems Manager and License Manager answer that they are not subscribed. */
  public SimConfig notSetUpAccounts(String... ids) {
    notSetUpAccounts = Set.of(ids);
    return this;
  }

  public SimConfig seed(long value) {
    seed = value;
    return this;
  }

  public SimConfig accounts(int value) {
    accounts = value;
    return this;
  }

  public SimConfig organizationalUnits(int value) {
    organizationalUnits = value;
    return this;
  }

  /** Every n-th account (never the management account) is SUSPENDED; 0 for none. */
  public SimConfig suspendedEvery(int value) {
    suspendedEvery = value;
    return this;
  }

  public SimConfig regions(String... value) {
    regions = List.of(value);
    return this;
  }

  public SimConfig notOptedInRegions(String... value) {
    notOptedInRegions = List.of(value);
    return this;
  }

  public SimConfig instances(int value) {
    instances = value;
    return this;
  }

  public SimConfig skew(boolean value) {
    skew = value;
    return this;
  }

  public SimConfig reservedPerTarget(int value) {
    reservedPerTarget = value;
    return this;
  }

  public SimConfig imagesPerTarget(int value) {
    imagesPerTarget = value;
    return this;
  }

  /**
   * Moves the estate on between two runs: from generation 1 on, every 40th instance (index 3 mod
   * 40, not on a Dedicated Host) is gone, every 40th (5 mod 40, not on a host) has a larger type,
   * every Windows BYOL instance at 9 mod 40 runs licence-included Windows, and each account x
   * region has a 40th more instances at the end (see {@link SimEstate#removed} and its neighbours).
   */
  public SimConfig generation(int value) {
    generation = value;
    return this;
  }

  /** One instance in how many each kind of change touches in generation 1 (default 40). */
  public SimConfig changeEvery(int value) {
    changeEvery = value;
    return this;
  }

  public SimConfig dbPerTarget(int value) {
    dbPerTarget = value;
    return this;
  }

  public SimConfig latency(Duration fixed, Duration extraJitter) {
    latency = fixed;
    jitter = extraJitter;
    return this;
  }

  /** The delay of every STS call (none unless set: token lifetimes of tests are a second). */
  public SimConfig stsLatency(Duration fixed) {
    stsLatency = fixed;
    return this;
  }

  /** EC2-style token buckets per account x region x API; a refill of 0 turns them off. */
  public SimConfig buckets(int burst, double refillPerSecond) {
    bucketBurst = burst;
    bucketRefillPerSecond = refillPerSecond;
    return this;
  }

  public SimConfig serverErrorRate(double value) {
    serverErrorRate = value;
    return this;
  }

  /**
   * Calls in these regions, or "account/region" targets, hang (no answer within {@code hangFor}).
   */
  public SimConfig hangingRegions(String... value) {
    hangingRegions = Set.of(value);
    return this;
  }

  public SimConfig hangFor(Duration value) {
    hangFor = value;
    return this;
  }

  public SimConfig deniedAccounts(String... value) {
    deniedAccounts = Set.of(value);
    return this;
  }

  public SimConfig deniedRegions(String... value) {
    deniedRegions = Set.of(value);
    return this;
  }

  /** API names (DescribeImages, DescribeDBInstances, ...) answered with a permission error. */
  public SimConfig deniedApis(String... value) {
    deniedApis = Set.of(value);
    return this;
  }

  public SimConfig tokenLifetime(Duration value) {
    tokenLifetime = value;
    return this;
  }

  /**
   * Any access key the simulator did not issue acts in this account, and AssumeRole reaches any
   * account: a single-account AWS for tests that name their own account ids. Null: only the keys of
   * the estate's accounts ({@code AKIASIM<account>}) are known.
   */
  public SimConfig openAccount(String accountId) {
    openAccount = accountId;
    return this;
  }

  /** Every call is answered as AWS answers keys it does not know. */
  public SimConfig rejectCredentials(boolean value) {
    rejectCredentials = value;
    return this;
  }

  /** Role ARNs whose AssumeRole is denied. */
  public SimConfig deniedRoles(String... value) {
    deniedRoles = Set.of(value);
    return this;
  }

  /**
   * The {@code <item>} elements DescribeReservedInstances answers with, as raw EC2 XML, in every
   * account and region; null for the estate's own reservations.
   */
  public SimConfig reservedInstancesXml(String items) {
    reservedInstancesXml = items;
    return this;
  }

  /**
   * The roles every account of the estate holds, as AWS accounts hold theirs: AssumeRole of any
   * other role name is denied, so a misspelt role fails here as it fails in AWS. The management
   * account's default member role, and the names the tests and the demo use.
   */
  public Set<String> roles =
      new LinkedHashSet<>(
          List.of(
              "OrganizationAccountAccessRole",
              "Reader",
              "InventoryReader",
              "InventoryOrgReader",
              "Inventory",
              "inventory",
              "inventory-reader",
              "inventory-hop",
              "hop",
              "hop-one",
              "ci",
              "ci-inventory",
              "Auditor",
              "ReadOnly"));

  public SimConfig roles(String... value) {
    roles = new LinkedHashSet<>(Arrays.asList(value));
    return this;
  }

  /** A raw answer: status, content type and body as sent, {@code trickle} between each byte. */
  public record RawAnswer(int status, String contentType, byte[] body, Duration trickle) {
    public RawAnswer(int status, String contentType, String body) {
      this(
          status,
          contentType,
          body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          Duration.ZERO);
    }
  }

  private final Map<String, RawAnswer> rawAnswers = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Answers {@code action} (a Query action, or a JSON API's operation) in {@code region} with
   * {@code answer} as it stands, whatever was asked: a hostile or broken server for one target.
   */
  public SimConfig rawAnswer(String action, String region, RawAnswer answer) {
    rawAnswers.put(action + "/" + region, answer);
    return this;
  }

  public RawAnswer rawAnswer(String action, String region) {
    return rawAnswers.get(action + "/" + region);
  }

  /**
   * Answers the pages of the organization's listing after the first only once some member role has
   * been assumed, or after {@code most}: shows whether accounts are reached while the listing goes
   * on, however fast the machine runs.
   */
  public SimConfig holdListingForRoles(Duration most) {
    holdListingForRoles = most;
    return this;
  }

  /** Keeps every request's fields and account, for tests that look at what was sent. */
  public SimConfig recordRequests(boolean value) {
    recordRequests = value;
    return this;
  }

  /** What {@code scripts/simulator.sh --help} prints. */
  public static final String HELP =
      String.join(
          "\n",
          "Usage: scripts/simulator.sh [--port P] [--truth-file FILE] [KNOB VALUE]...",
          "An AWS simulator on 127.0.0.1 (EC2, RDS, STS, Organizations) with a seeded estate.",
          "  --port P                  port to listen on; 0 (default) picks a free one, printed",
          "  --truth-file FILE         write the ids the collector must find to FILE",
          "  --seed N                  the estate's random seed (42)",
          "  --accounts N              accounts in the organization (3); the first is the management",
          "  --organizational-units N  OUs in the tree (3)",
          "  --suspended-every N       every N-th account is SUSPENDED (0: none)",
          "  --regions a,b             enabled regions (eu-west-1,us-east-1)",
          "  --not-opted-in-regions a  opt-in regions (af-south-1); every third account opted in",
          "  --instances N             instances in the organization (30), spread unevenly",
          "  --skew true|false         spread instances unevenly (true)",
          "  --reserved-per-target N   reserved instances per account x region (2)",
          "  --images-per-target N     owned images per account x region (2)",
          "  --db-per-target N         DB instances per account x region (2)",
          "  --hosts-per-target N      Dedicated Hosts per account x region (1)",
          "  --reserved-db-per-target N  reserved DB instances per account x region (1)",
          "  --nodes-per-target N      Systems Manager managed nodes per account x region (2)",
          "  --roles A,B               the role names every account holds; AssumeRole of another"
              + " is denied",
          "  --applications-per-node N installed applications per managed node (3)",
          "  --license-configurations-per-target N  License Manager configurations (2)",
          "  --sync-bucket B[/PREFIX]  serve an S3 bucket holding a Resource Data Sync of the nodes",
          "  --latency-ms N, --jitter-ms N            delay of every call but STS's",
          "  --sts-latency-ms N        delay of every STS call (0)",
          "  --bucket-burst N, --bucket-refill N      EC2-style throttling per account x region x API",
          "  --server-error-rate R     share of calls answered with a 5xx (0)",
          "  --hanging-regions a,b     regions (or account/region) whose calls hang",
          "  --denied-accounts ids, --denied-regions a,b, --denied-apis A,B   permission errors",
          "  --token-lifetime-s N      lifetime of AssumeRole sessions (3600)",
          "The management account's access key is printed at start; any secret is taken.",
          "Counters: http://127.0.0.1:PORT/sim/stats",
          "");

  /** "account/region" targets whose paged listings answer the same next-page token for ever. */
  public SimConfig repeatingTokenTargets(String... value) {
    repeatingTokenTargets = Set.of(value);
    return this;
  }

  /** ListAccounts and ListAccountsForParent answer the same next-page token for ever. */
  public SimConfig repeatingAccountsToken(boolean value) {
    repeatingAccountsToken = value;
    return this;
  }

  /** The first OU lists itself among its children: a tree with a cycle. */
  public SimConfig organizationalUnitCycle(boolean value) {
    organizationalUnitCycle = value;
    return this;
  }

  /** A denial's message repeats the request's headers, security token included, as some do. */
  public SimConfig echoRequestInErrors(boolean value) {
    echoRequestInErrors = value;
    return this;
  }

  /** Account names hold terminal escapes, a bell, carriage returns and line breaks. */
  public SimConfig hostileAccountNames(boolean value) {
    hostileAccountNames = value;
    return this;
  }

  /** Extra ACTIVE accounts the organization lists, with ids that are not account ids. */
  public SimConfig invalidAccountIds(String... value) {
    invalidAccountIds = List.of(value);
    return this;
  }

  /** "account/region" targets whose paged listings ignore the page size: one page holds all. */
  public SimConfig unpagedTargets(String... value) {
    unpagedTargets = Set.of(value);
    return this;
  }

  /** Reads {@code --name value} pairs, named as the setters. */
  public static SimConfig parse(List<String> args) {
    SimConfig config = new SimConfig();
    for (int i = 0; i < args.size(); i += 2) {
      String name = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args.get(i + 1);
      switch (name) {
        case "--seed" -> config.seed(Long.parseLong(value));
        case "--accounts" -> config.accounts(Integer.parseInt(value));
        case "--organizational-units" -> config.organizationalUnits(Integer.parseInt(value));
        case "--suspended-every" -> config.suspendedEvery(Integer.parseInt(value));
        case "--regions" -> config.regions(list(value));
        case "--not-opted-in-regions" -> config.notOptedInRegions(list(value));
        case "--instances" -> config.instances(Integer.parseInt(value));
        case "--skew" -> config.skew(Boolean.parseBoolean(value));
        case "--reserved-per-target" -> config.reservedPerTarget(Integer.parseInt(value));
        case "--images-per-target" -> config.imagesPerTarget(Integer.parseInt(value));
        case "--db-per-target" -> config.dbPerTarget(Integer.parseInt(value));
        case "--generation" -> config.generation(Integer.parseInt(value));
        case "--change-every" -> config.changeEvery(Integer.parseInt(value));
        case "--hosts-per-target" -> config.hostsPerTarget(Integer.parseInt(value));
        case "--reserved-db-per-target" -> config.reservedDbPerTarget(Integer.parseInt(value));
        case "--nodes-per-target" -> config.nodesPerTarget(Integer.parseInt(value));
        case "--roles" -> config.roles(list(value));
        case "--applications-per-node" -> config.applicationsPerNode(Integer.parseInt(value));
        case "--license-configurations-per-target" ->
            config.licenseConfigurationsPerTarget(Integer.parseInt(value));
        case "--sync-bucket" -> {
          int slash = value.indexOf('/');
          config.syncBucket(
              slash < 0 ? value : value.substring(0, slash),
              slash < 0 ? "" : value.substring(slash + 1));
        }
        case "--latency-ms" ->
            config.latency(Duration.ofMillis(Long.parseLong(value)), config.jitter);
        case "--sts-latency-ms" -> config.stsLatency(Duration.ofMillis(Long.parseLong(value)));
        case "--jitter-ms" ->
            config.latency(config.latency, Duration.ofMillis(Long.parseLong(value)));
        case "--bucket-burst" ->
            config.buckets(Integer.parseInt(value), config.bucketRefillPerSecond);
        case "--bucket-refill" -> config.buckets(config.bucketBurst, Double.parseDouble(value));
        case "--server-error-rate" -> config.serverErrorRate(Double.parseDouble(value));
        case "--hanging-regions" -> config.hangingRegions(list(value));
        case "--denied-accounts" -> config.deniedAccounts(list(value));
        case "--denied-regions" -> config.deniedRegions(list(value));
        case "--denied-apis" -> config.deniedApis(list(value));
        case "--token-lifetime-s" ->
            config.tokenLifetime(Duration.ofSeconds(Long.parseLong(value)));
        default -> throw new IllegalArgumentException("unknown simulator option " + name);
      }
    }
    return config;
  }

  private static String[] list(String value) {
    return Arrays.stream(value.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toArray(String[]::new);
  }

  /** The regions of the partition the simulator answers for. */
  public List<String> allRegions() {
    Set<String> all = new LinkedHashSet<>(regions);
    all.addAll(notOptedInRegions);
    return new ArrayList<>(all);
  }
}
