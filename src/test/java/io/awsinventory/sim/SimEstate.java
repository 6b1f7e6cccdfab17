package io.awsinventory.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The simulated AWS estate: an organization of accounts in a tree of OUs, regions per account, and
 * instances, reserved instances, images and DB instances per account x region. Everything is
 * derived from the seed, so the same settings always give the same estate, and records are made
 * when a page is asked for: a million instances cost no memory until they are served.
 */
public final class SimEstate {
  /** Instances run from one of these public images, from owned ones, or from deregistered ones. */
  public static final List<String> PUBLIC_IMAGES =
      List.of("ami-0a1b2c3d4e5f60001", "ami-0a1b2c3d4e5f60002", "ami-0a1b2c3d4e5f60003");

  private static final String[] TYPES = {
    "t3.micro", "t3.large", "m5.large", "m6i.xlarge", "c6g.2xlarge", "r5.4xlarge"
  };

  /** What AWS says of an instance type: its default vCPUs, cores and threads, its architecture. */
  public record SimType(int vcpus, int cores, int threadsPerCore, String architecture) {}

  /** The estate's types as AWS describes them (Graviton types run one thread per core). */
  private static final Map<String, SimType> TYPE_SPECS =
      Map.ofEntries(
          Map.entry("t3.micro", new SimType(2, 1, 2, "x86_64")),
          Map.entry("t3.medium", new SimType(2, 1, 2, "x86_64")),
          Map.entry("t3.large", new SimType(2, 1, 2, "x86_64")),
          Map.entry("m5.large", new SimType(2, 1, 2, "x86_64")),
          Map.entry("m5.2xlarge", new SimType(8, 4, 2, "x86_64")),
          Map.entry("m6i.xlarge", new SimType(4, 2, 2, "x86_64")),
          Map.entry("r6i.xlarge", new SimType(4, 2, 2, "x86_64")),
          Map.entry("r6i.2xlarge", new SimType(8, 4, 2, "x86_64")),
          Map.entry("r6g.large", new SimType(2, 2, 1, "arm64")),
          Map.entry("c6g.2xlarge", new SimType(8, 8, 1, "arm64")),
          Map.entry("c6g.4xlarge", new SimType(16, 16, 1, "arm64")),
          Map.entry("r5.4xlarge", new SimType(16, 8, 2, "x86_64")));

  /** The specs of {@code type}; a type outside the estate gets specs made from its size. */
  public static SimType typeSpec(String type) {
    SimType known = TYPE_SPECS.get(type);
    if (known != null) {
      return known;
    }
    int vcpus = type.endsWith("4xlarge") ? 16 : type.endsWith("2xlarge") ? 8 : 2;
    return new SimType(vcpus, vcpus / 2, 2, type.startsWith("c6g") ? "arm64" : "x86_64");
  }

  /** The cores and threads per core an instance runs with. */
  public record SimCpu(int cores, int threadsPerCore) {}

  /**
   * An instance's CPU options: its type's defaults, except every eleventh x86 instance of a type
   * with more than one core, launched with one thread per core ("optimize CPUs").
   */
  public static SimCpu cpu(SimInstance instance, int index) {
    SimType type = typeSpec(instance.type());
    if (index % 11 == 10 && type.threadsPerCore() == 2 && type.cores() > 1) {
      return new SimCpu(type.cores(), 1);
    }
    return new SimCpu(type.cores(), type.threadsPerCore());
  }

  private static final String[] STATES = {"running", "running", "running", "stopped", "terminated"};
  private static final Instant EPOCH = Instant.parse("2023-01-01T00:00:00Z");

  /** One account of the organization. */
  public record SimAccount(String id, String name, String state, String parentId) {
    public boolean active() {
      return state.equals("ACTIVE");
    }
  }

  /** An OU, or the root when {@code parentId} is null. */
  public record SimOu(String id, String name, String parentId) {}

  private final SimConfig config;
  private final List<SimAccount> accounts = new ArrayList<>();
  private final Map<String, SimAccount> accountsById = new java.util.HashMap<>();
  private final List<SimOu> units = new ArrayList<>();
  private final Map<String, Integer> instanceCounts = new LinkedHashMap<>();

  public SimEstate(SimConfig config) {
    this.config = config;
    Random random = new Random(config.seed);
    String root = "r-sim0";
    units.add(new SimOu(root, "Root", null));
    List<String> parents = new ArrayList<>(List.of(root));
    for (int i = 0; i < config.organizationalUnits; i++) {
      String parent = parents.get(random.nextInt(parents.size()));
      String id = String.format("ou-sim0-%08d", i);
      units.add(new SimOu(id, "unit-" + i, parent));
      parents.add(id);
    }
    for (int i = 0; i < config.accounts; i++) {
      String id = accountId(i);
      String parent = i == 0 ? root : parents.get(random.nextInt(parents.size()));
      boolean suspended = i > 0 && config.suspendedEvery > 0 && i % config.suspendedEvery == 0;
      SimAccount account =
          new SimAccount(id, accountName(config, i), suspended ? "SUSPENDED" : "ACTIVE", parent);
      accounts.add(account);
      accountsById.put(id, account);
    }
    distributeInstances(random);
  }

  private static String accountName(SimConfig config, int index) {
    return config.hostileAccountNames
        ? "acct-" + index + "\u001b]0;pwned\u0007\u001b[2J\r\nok: account 999999999999 forged"
        : "account-" + index;
  }

  public static String accountId(int index) {
    return String.format("%012d", 100_000_000_000L + index);
  }

  /** The access key that acts in an account as its long-term user, like the keys moto derives. */
  public static String accessKeyOf(String accountId) {
    return "AKIASIM" + accountId;
  }

  /** Spreads the instance total unevenly: a few accounts hold most, as in real estates. */
  private void distributeInstances(Random random) {
    List<String> targets = new ArrayList<>();
    for (SimAccount account : accounts) {
      if (!account.active()) {
        continue;
      }
      for (String region : enabledRegions(account.id())) {
        targets.add(account.id() + "/" + region);
      }
    }
    if (targets.isEmpty()) {
      return;
    }
    double[] weights = new double[targets.size()];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = config.skew ? Math.pow(1.0 / (i + 1), 1.1) : 1.0;
      sum += weights[i];
    }
    int assigned = 0;
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, random);
    for (int i = 0; i < targets.size(); i++) {
      int count = (int) Math.floor(config.instances * weights[i] / sum);
      instanceCounts.put(targets.get(order.get(i)), count);
      assigned += count;
    }
    // the rounding remainder goes to the largest target
    String largest = targets.get(order.get(0));
    instanceCounts.merge(largest, config.instances - assigned, Integer::sum);
  }

  public SimConfig config() {
    return config;
  }

  public List<SimAccount> accounts() {
    return accounts;
  }

  public List<SimOu> units() {
    return units;
  }

  public SimAccount account(String id) {
    return accountsById.get(id);
  }

  public String managementId() {
    return accounts.get(0).id();
  }

  /**
   * Every region the partition offers, with its opt-in status for the account. Enabled regions
   * differ between accounts, as in AWS: every third account has opted into the first opt-in region.
   */
  public Map<String, String> regionStatus(String accountId) {
    Map<String, String> status = new LinkedHashMap<>();
    for (String region : config.regions) {
      status.put(region, "opt-in-not-required");
    }
    for (String region : config.notOptedInRegions) {
      status.put(region, optedIn(accountId, region) ? "opted-in" : "not-opted-in");
    }
    return status;
  }

  private boolean optedIn(String accountId, String region) {
    return !config.notOptedInRegions.isEmpty()
        && region.equals(config.notOptedInRegions.get(0))
        && (Long.parseLong(accountId) - 100_000_000_000L) % 3 == 1;
  }

  public List<String> enabledRegions(String accountId) {
    List<String> enabled = new ArrayList<>(config.regions);
    config.notOptedInRegions.stream().filter(r -> optedIn(accountId, r)).forEach(enabled::add);
    return enabled;
  }

  public boolean isEnabled(String accountId, String region) {
    return config.regions.contains(region) || optedIn(accountId, region);
  }

  private SplittableRandom random(String accountId, String region, String kind) {
    return new SplittableRandom(
        config.seed * 31 + (accountId + "/" + region + "/" + kind).hashCode());
  }

  public int instanceCount(String accountId, String region) {
    int first = firstCount(accountId, region);
    return config.generation > 0 ? first + first / config.changeEvery : first;
  }

  /** The instances of generation 0: those at or past this index were added later. */
  public int firstCount(String accountId, String region) {
    return instanceCounts.getOrDefault(accountId + "/" + region, 0);
  }

  /**
   * Whether instance {@code index} is gone in this generation (DescribeInstances leaves it out).
   */
  public boolean removed(String accountId, String region, int index) {
    return config.generation > 0
        && index % config.changeEvery == 3
        && index < firstCount(accountId, region)
        && !SimLicensing.onHost(index, hostCount(accountId, region));
  }

  /** Whether instance {@code index} was resized to a larger type in this generation. */
  public boolean resized(String accountId, String region, int index) {
    return config.generation > 0
        && index % config.changeEvery == 5
        && index < firstCount(accountId, region)
        && !SimLicensing.onHost(index, hostCount(accountId, region));
  }

  /** Whether instance {@code index} had its licence changed (BYOL to licence included). */
  public boolean relicensed(String accountId, String region, int index) {
    return config.generation > 0
        && index % config.changeEvery == 9
        && index < firstCount(accountId, region);
  }

  /** The type a resize gives: a larger one of the same architecture (r5.4xlarge gets smaller). */
  private static String resize(String type) {
    return switch (type) {
      case "t3.micro" -> "t3.large";
      case "t3.large", "m5.large", "r5.4xlarge" -> "m6i.xlarge";
      case "m6i.xlarge" -> "r5.4xlarge";
      default -> "c6g.4xlarge";
    };
  }

  public int reservedCount(String accountId, String region) {
    return isEnabled(accountId, region) ? config.reservedPerTarget : 0;
  }

  public int ownedImageCount(String accountId, String region) {
    return isEnabled(accountId, region) ? config.imagesPerTarget : 0;
  }

  public int dbCount(String accountId, String region) {
    return isEnabled(accountId, region) ? config.dbPerTarget : 0;
  }

  /** A made-up id of a fixed length whose order has nothing to do with its index. */
  private static String hexId(
      String prefix, String accountId, String region, int index, int length) {
    long h = (accountId + region).hashCode() * 0x9E3779B97F4A7C15L + index * 0xC2B2AE3D27D4EB4FL;
    h ^= (h >>> 31);
    h *= 0xBF58476D1CE4E5B9L;
    h ^= (h >>> 29);
    // the 16 hex digits of h and the 8 of index, as "%016x%08x" writes them, without a formatter
    char[] hex = new char[24];
    for (int i = 15; i >= 0; i--, h >>>= 4) {
      hex[i] = HEX[(int) (h & 0xf)];
    }
    for (int i = 23, n = index; i >= 16; i--, n >>>= 4) {
      hex[i] = HEX[n & 0xf];
    }
    return prefix + new String(hex, 0, Math.min(length, hex.length));
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** One instance. */
  public record SimInstance(
      String id,
      String imageId,
      String type,
      String state,
      Instant launched,
      String zone,
      String name,
      boolean relicensed) {}

  public SimInstance instance(String accountId, String region, int index) {
    SplittableRandom random =
        new SplittableRandom((long) index * 7919 + (accountId + region).hashCode());
    String image;
    int pick = random.nextInt(10);
    int owned = ownedImageCount(accountId, region);
    if (pick < 6 || owned == 0) {
      image = PUBLIC_IMAGES.get(random.nextInt(PUBLIC_IMAGES.size()));
    } else if (pick < 9) {
      image = imageId(accountId, region, random.nextInt(owned));
    } else {
      image = deregisteredImageId(accountId, region);
    }
    String type = TYPES[random.nextInt(TYPES.length)];
    if (SimLicensing.onHost(index, hostCount(accountId, region))) {
      // a Dedicated Host runs one family: the hosts' m5
      type = SimLicensing.HOST_TYPE;
    } else if (resized(accountId, region, index)) {
      type = resize(type);
    }
    return new SimInstance(
        hexId("i-", accountId, region, index, 17),
        image,
        type,
        STATES[random.nextInt(STATES.length)],
        EPOCH.plusSeconds(random.nextInt(60 * 60 * 24 * 600)),
        region + (char) ('a' + random.nextInt(3)),
        "host-" + index,
        relicensed(accountId, region, index));
  }

  public String imageId(String accountId, String region, int index) {
    return hexId("ami-", accountId, region, index, 17);
  }

  /** The image some instances run from that no longer exists. */
  public String deregisteredImageId(String accountId, String region) {
    return hexId("ami-", accountId, region + "-gone", 0, 17);
  }

  public String reservedId(String accountId, String region, int index) {
    String hex =
        hexId("", accountId, region + "-ri", index, 24)
            + hexId("", accountId, region + "-rj", index, 8);
    return hex.substring(0, 8)
        + "-"
        + hex.substring(8, 12)
        + "-"
        + hex.substring(12, 16)
        + "-"
        + hex.substring(16, 20)
        + "-"
        + hex.substring(20, 32);
  }

  public String dbId(String accountId, String region, int index) {
    return String.format("db-%s-%04d", region, index);
  }

  public String engine(int index) {
    return SimLicensing.db(index).engine();
  }

  public String instanceType(int index) {
    return TYPES[index % TYPES.length];
  }

  public int hostCount(String accountId, String region) {
    return isEnabled(accountId, region) ? config.hostsPerTarget : 0;
  }

  public String hostId(String accountId, String region, int index) {
    return hexId("h-", accountId, region + "-host", index, 19);
  }

  public int reservedDbCount(String accountId, String region) {
    return isEnabled(accountId, region) ? config.reservedDbPerTarget : 0;
  }

  public String reservedDbId(String accountId, String region, int index) {
    return String.format("rdb-%s-%04d", region, index);
  }

  public int nodeCount(String accountId, String region) {
    return isEnabled(accountId, region) ? config.nodesPerTarget : 0;
  }

  /**
   * A managed node: an instance of the estate in that account and region, every fifth an mi- hybrid
   * node (and so is a node beyond the region's instances).
   */
  public String nodeId(String accountId, String region, int index) {
    int instance = index - index / 5;
    return index % 5 == 4 || instance >= instanceCount(accountId, region)
        ? hexId("mi-", accountId, region + "-node", index, 20)
        : instance(accountId, region, instance).id();
  }

  /**
   * What managed node {@code index} runs: its instance's plan, or, for an mi- node, Windows Server
   * on every other one and Linux on the rest.
   */
  public SimLicensing.Plan nodePlan(String accountId, String region, int index) {
    int instance = index - index / 5;
    if (index % 5 == 4 || instance >= instanceCount(accountId, region)) {
      return index % 2 == 0 ? SimLicensing.Plan.WINDOWS : SimLicensing.Plan.LINUX;
    }
    return SimLicensing.plan(instance(accountId, region, instance), instance);
  }

  /**
   * The AWS:Application entries of managed node {@code node}: the estate's generic ones, then the
   * licensable software its instance's plan installs (none on an mi- node or an unknown one).
   */
  public List<Map<String, String>> nodeApplications(String accountId, String region, String node) {
    List<Map<String, String>> entries = new ArrayList<>();
    for (int i = 0; i < config.applicationsPerNode; i++) {
      entries.add(application(i));
    }
    if (node.startsWith("i-")) {
      for (int i = 0; i < nodeCount(accountId, region); i++) {
        if (nodeId(accountId, region, i).equals(node)) {
          entries.addAll(SimLicensing.installed(nodePlan(accountId, region, i)));
          break;
        }
      }
    }
    return entries;
  }

  /** A name with a comma, quotes and non-ASCII letters, installed on every node. */
  public static final String AWKWARD_APPLICATION = "Contoso \"Data\" Suite, Édition 東京 ✓";

  /** The attributes of one AWS:Application entry, as the Systems Manager API names them. */
  public Map<String, String> application(int index) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("Name", index == 0 ? AWKWARD_APPLICATION : "app-" + index);
    entry.put("Publisher", index % 2 == 0 ? "Contoso Ltd." : "Fabrikam");
    entry.put("Version", "1." + (index % 7) + "." + index);
    entry.put("Architecture", index % 3 == 0 ? "i386" : "x86_64");
    entry.put("InstalledTime", "2024-03-0" + (1 + index % 9) + "T00:00:00Z");
    entry.put("ApplicationType", "Office/Productivity");
    entry.put("PackageId", "pkg-" + index);
    return entry;
  }

  public int licenseConfigurationCount(String accountId, String region) {
    return isEnabled(accountId, region) ? config.licenseConfigurationsPerTarget : 0;
  }

  public String licenseConfigurationArn(String accountId, String region, int index) {
    return "arn:aws:license-manager:"
        + region
        + ":"
        + accountId
        + ":license-configuration:"
        + hexId("lic-", accountId, region + "-lic", index, 36);
  }

  /** Resources using a configuration: the last configuration is unused, the others have two. */
  public int licenseUsageCount(String accountId, String region, int configuration) {
    return configuration == licenseConfigurationCount(accountId, region) - 1 ? 0 : 2;
  }

  /** Ids of every record of one account x region x resource, as the collector must find them. */
  public List<String> truth(String accountId, String region, String resource) {
    List<String> ids = new ArrayList<>();
    switch (resource) {
      case "instances" -> {
        for (int i = 0; i < instanceCount(accountId, region); i++) {
          ids.add(instance(accountId, region, i).id());
        }
      }
      case "reserved-instances" -> {
        for (int i = 0; i < reservedCount(accountId, region); i++) {
          ids.add(reservedId(accountId, region, i));
        }
      }
      case "db-instances" -> {
        for (int i = 0; i < dbCount(accountId, region); i++) {
          ids.add(dbId(accountId, region, i));
        }
      }
      case "images" -> {
        java.util.Set<String> images = new java.util.TreeSet<>();
        for (int i = 0; i < ownedImageCount(accountId, region); i++) {
          images.add(imageId(accountId, region, i));
        }
        for (int i = 0; i < instanceCount(accountId, region); i++) {
          images.add(instance(accountId, region, i).imageId());
        }
        ids.addAll(images);
      }
      case "hosts" -> {
        for (int i = 0; i < hostCount(accountId, region); i++) {
          ids.add(hostId(accountId, region, i));
        }
      }
      case "reserved-db-instances" -> {
        for (int i = 0; i < reservedDbCount(accountId, region); i++) {
          ids.add(reservedDbId(accountId, region, i));
        }
      }
      case "managed-nodes" -> {
        for (int i = 0; i < nodeCount(accountId, region); i++) {
          ids.add(nodeId(accountId, region, i));
        }
      }
      default -> throw new IllegalArgumentException(resource);
    }
    return ids;
  }
}
