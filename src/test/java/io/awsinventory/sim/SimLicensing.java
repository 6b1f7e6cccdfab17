package io.awsinventory.sim;

import io.awsinventory.sim.SimEstate.SimInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the simulator's estate is licensed, as AWS could have it: what each instance runs (its
 * billing code, Windows only on x86), which instances sit on Dedicated Hosts (Windows BYOL, in the
 * hosts' m5 family), what is installed on the BYOL ones (SQL Server Enterprise, Oracle Database),
 * which DB instances run which engine under which licence model. The products each resource must
 * show follow from it: the truth the licence columns are compared with.
 */
public final class SimLicensing {
  /** What an instance runs: its platform details and billing code. */
  public enum Plan {
    WINDOWS("Windows", "RunInstances:0002"),
    WINDOWS_SQL_STANDARD("Windows with SQL Server Standard", "RunInstances:0006"),
    LINUX("Linux/UNIX", "RunInstances"),
    WINDOWS_BYOL("Windows BYOL", "RunInstances:0800"),
    LINUX_ORACLE("Linux/UNIX", "RunInstances"),
    RHEL("Red Hat Enterprise Linux", "RunInstances:0010");

    public final String platformDetails;
    public final String usageOperation;

    Plan(String platformDetails, String usageOperation) {
      this.platformDetails = platformDetails;
      this.usageOperation = usageOperation;
    }

    public boolean windows() {
      return this == WINDOWS || this == WINDOWS_SQL_STANDARD || this == WINDOWS_BYOL;
    }
  }

  /** The family of the estate's Dedicated Hosts, and the type its instances on them have. */
  public static final String HOST_TYPE = "m5.large";

  public static final int HOST_SOCKETS = 2;
  public static final int HOST_CORES = 48;

  private SimLicensing() {}

  /** Instance {@code index}'s plan: the six in turn on x86, Linux or Red Hat on arm64. */
  public static Plan plan(SimInstance instance, int index) {
    if (SimEstate.typeSpec(instance.type()).architecture().equals("arm64")) {
      return index % 2 == 0 ? Plan.LINUX : Plan.RHEL;
    }
    Plan plan = Plan.values()[index % Plan.values().length];
    // re-licensed: the Windows brought to AWS became licence included
    return plan == Plan.WINDOWS_BYOL && instance.relicensed() ? Plan.WINDOWS : plan;
  }

  /**
   * Whether instance {@code index} runs on a Dedicated Host: the Windows BYOL ones, when hosts
   * exist.
   */
  static boolean onHost(int index, int hosts) {
    return hosts > 0 && index % Plan.values().length == Plan.WINDOWS_BYOL.ordinal();
  }

  /** The host instance {@code index} runs on, or -1. */
  public static int host(SimEstate estate, String account, String region, int index) {
    int hosts = estate.hostCount(account, region);
    return onHost(index, hosts) ? (index / Plan.values().length) % hosts : -1;
  }

  /**
   * Whether DescribeInstances answers the instance's CpuOptions (every 13th does not, as older
   * answers).
   */
  public static boolean answersCpuOptions(int index) {
    return !(index % 13 == 12 && index % 11 != 10);
  }

  /** The managed node index of instance {@code index} (every fifth node is an mi- node). */
  static int nodeIndex(int index) {
    return index + index / 4;
  }

  /** Whether instance {@code index} is a managed node. */
  public static boolean managed(SimEstate estate, String account, String region, int index) {
    return nodeIndex(index) < estate.nodeCount(account, region);
  }

  /** The licensable software installed on an instance beyond the estate's generic applications. */
  public static List<Map<String, String>> installed(Plan plan) {
    return switch (plan) {
      case WINDOWS_BYOL ->
          List.of(
              application("Microsoft SQL Server 2019 (64-bit)", "Microsoft Corporation"),
              application("SQL Server 2019 Enterprise Edition", "Microsoft Corporation"));
      case LINUX_ORACLE ->
          List.of(application("Oracle Database 19c Enterprise Edition", "Oracle Corporation"));
      case RHEL -> List.of(application("redhat-release", "Red Hat, Inc."));
      default -> List.of();
    };
  }

  private static Map<String, String> application(String name, String publisher) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put("Name", name);
    entry.put("Publisher", publisher);
    entry.put("Version", "19.0.0");
    entry.put("Architecture", "x86_64");
    entry.put("InstalledTime", "2024-02-01T00:00:00Z");
    entry.put("ApplicationType", "Database");
    return entry;
  }

  /**
   * The products instance {@code index} must show, each "Product|Edition|Source|LicenseIncluded",
   * in any order; installed software counts only when applications are collected.
   */
  public static List<String> products(
      SimEstate estate, String account, String region, int index, boolean applications) {
    Plan plan = plan(estate.instance(account, region, index), index);
    List<String> products = new ArrayList<>();
    switch (plan) {
      case WINDOWS -> products.add("Windows Server||billing-code|true");
      case WINDOWS_SQL_STANDARD -> {
        products.add("Windows Server||billing-code|true");
        products.add("SQL Server|Standard|billing-code|true");
      }
      case WINDOWS_BYOL -> products.add("Windows Server||billing-code|false");
      case RHEL -> products.add("Red Hat Enterprise Linux||billing-code|true");
      default -> {}
    }
    if (applications && managed(estate, account, region, index)) {
      if (plan == Plan.WINDOWS_BYOL) {
        products.add("SQL Server|Enterprise|application|false");
      }
      if (plan == Plan.LINUX_ORACLE) {
        products.add("Oracle Database|Enterprise Edition|application|false");
      }
    }
    return products;
  }

  /** A DB instance: engine, licence model, class and processor features (null when not set). */
  public record SimDb(
      String engine,
      String engineVersion,
      String licenseModel,
      String dbClass,
      Integer featureCores,
      Integer featureThreads) {}

  /**
   * DB instance {@code index}: the engines in turn, each under a licence model RDS allows for it.
   */
  public static SimDb db(int index) {
    return switch (index % 7) {
      case 0 -> new SimDb("postgres", "15.4", "postgresql-license", "db.r6g.large", null, null);
      case 1 -> new SimDb("mysql", "8.0.35", "general-public-license", "db.t3.medium", null, null);
      case 2 ->
          new SimDb("aurora-postgresql", "15.4", "postgresql-license", "db.serverless", null, null);
      case 3 ->
          new SimDb(
              "sqlserver-se", "15.00.4345.5.v1", "license-included", "db.m5.2xlarge", null, null);
      case 4 ->
          index % 2 == 0
              ? new SimDb("oracle-ee", ORACLE, "bring-your-own-license", "db.r6i.xlarge", 2, 1)
              : new SimDb(
                  "oracle-ee", ORACLE, "bring-your-own-license", "db.r6i.xlarge", null, null);
      case 5 ->
          new SimDb(
              "oracle-se2",
              ORACLE,
              index % 2 == 0 ? "license-included" : "bring-your-own-license",
              index % 2 == 0 ? "db.m5.large" : "db.r5.4xlarge",
              null,
              null);
      default ->
          new SimDb(
              "sqlserver-ee", "15.00.4345.5.v1", "license-included", "db.r6i.2xlarge", null, null);
    };
  }

  private static final String ORACLE = "19.0.0.0.ru-2024-01.rur-2024-01.r1";

  /** The edition DB instance {@code index} must show, or null for an open-source engine. */
  public static String dbEdition(int index) {
    return switch (db(index).engine()) {
      case "sqlserver-se" -> "Standard";
      case "sqlserver-ee" -> "Enterprise";
      case "oracle-ee" -> "Enterprise Edition";
      case "oracle-se2" -> "Standard Edition 2";
      default -> null;
    };
  }

  /** The cores and threads per core DB instance {@code index} runs with, or null (serverless). */
  public static int[] dbCpu(int index) {
    SimDb db = db(index);
    if (db.dbClass().equals("db.serverless")) {
      return null;
    }
    SimEstate.SimType type = SimEstate.typeSpec(db.dbClass().substring(3));
    return new int[] {
      db.featureCores() != null ? db.featureCores() : type.cores(),
      db.featureThreads() != null ? db.featureThreads() : type.threadsPerCore()
    };
  }
}
