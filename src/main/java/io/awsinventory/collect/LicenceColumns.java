package io.awsinventory.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The licence columns of instance and DB instance records: the effective vCPUs, cores and threads
 * per core and where they come from, the Dedicated Host's processors, what Systems Manager says of
 * the operating system, and the licensable products recognised ({@link ProductTable}). A page of
 * records is annotated at once, so instance types are asked for once per page at most (and once per
 * type per region in the run).
 */
public final class LicenceColumns {
  public static final String VCPUS = "Vcpus";
  public static final String CORE_COUNT = "CoreCount";
  public static final String THREADS_PER_CORE = "ThreadsPerCore";
  public static final String CPU_SOURCE = "CpuSource";
  public static final String PRODUCTS = "Products";

  /** {@code db.r5.large.tpc2.mem4x}: an RDS class with its processor and memory suffix. */
  private static final Pattern CLASS_SUFFIX = Pattern.compile("\\.tpc\\d+\\.mem\\d+x$");

  private LicenceColumns() {}

  /** The instance records of one page, with their licence columns added at the end. */
  static void instances(List<ObjectNode> records, TargetApis apis) {
    Set<String> wanted = new HashSet<>();
    for (ObjectNode record : records) {
      String type = record.path("InstanceType").textValue();
      if (type != null && !ownCpu(record.path("CpuOptions"))) {
        wanted.add(type);
      }
    }
    Map<String, TypeCpus.Cpu> types = wanted.isEmpty() ? Map.of() : apis.typeCpus().of(wanted);
    // an instance without a type (never in AWS's answers) has no defaults
    LicenceFacts facts = apis.licenceFacts();
    for (ObjectNode record : records) {
      JsonNode options = record.path("CpuOptions");
      if (ownCpu(options)) {
        cpu(
            record,
            options.path("CoreCount").asInt(),
            options.path("ThreadsPerCore").asInt(),
            "instance");
      } else {
        String type = record.path("InstanceType").textValue();
        typeDefault(record, type == null ? null : types.get(type));
      }
      JsonNode placement = record.path("Placement");
      String hostId = placement.path("HostId").textValue();
      putText(record, "Tenancy", placement.path("Tenancy").textValue());
      putText(record, "HostId", hostId);
      LicenceFacts.Host host = facts.host(hostId);
      if (host != null) {
        putInteger(record, "HostSockets", host.sockets());
        putInteger(record, "HostCores", host.cores());
      }
      String id = record.path("InstanceId").textValue();
      LicenceFacts.Node node = id == null ? null : facts.node(id);
      if (node != null) {
        putText(record, "ComputerName", node.computerName());
        putText(record, "OsName", node.osName());
        putText(record, "OsVersion", node.osVersion());
      }
      ProductTable table = ProductTable.builtIn();
      List<ProductTable.Product> products =
          new ArrayList<>(table.fromBillingCode(record.path("UsageOperation").textValue()));
      for (JsonNode code : record.path("ProductCodes")) {
        products.addAll(table.fromProductCode(code.path("ProductCodeId").textValue()));
      }
      if (id != null) {
        products.addAll(facts.installed(id));
      }
      record.set(PRODUCTS, ProductTable.toJson(ProductTable.merge(products)));
    }
  }

  /** The DB instance records of one page, with their licence columns added at the end. */
  static void dbInstances(List<ObjectNode> records, TargetApis apis) {
    Set<String> types = new HashSet<>();
    for (ObjectNode record : records) {
      String type = ec2Type(record.path("DBInstanceClass").textValue());
      if (type != null
          && (feature(record, "coreCount") == null || feature(record, "threadsPerCore") == null)) {
        types.add(type);
      }
    }
    Map<String, TypeCpus.Cpu> cpus = types.isEmpty() ? Map.of() : apis.typeCpus().of(types);
    ProductTable table = ProductTable.builtIn();
    for (ObjectNode record : records) {
      List<ProductTable.Product> products =
          table.fromRdsEngine(
              record.path("Engine").textValue(), record.path("LicenseModel").textValue());
      if (!products.isEmpty()) {
        record.put("Edition", products.get(0).edition());
      }
      String ec2Type = ec2Type(record.path("DBInstanceClass").textValue());
      TypeCpus.Cpu type = ec2Type == null ? null : cpus.get(ec2Type);
      Integer cores = feature(record, "coreCount");
      Integer threads = feature(record, "threadsPerCore");
      if (cores == null && threads == null) {
        typeDefault(record, type);
      } else if (cores != null && threads != null) {
        cpu(record, cores, threads, "instance");
      } else if (type != null) {
        cpu(
            record,
            cores != null ? cores : type.cores(),
            threads != null ? threads : type.threadsPerCore(),
            "instance");
      } else {
        record.put(CPU_SOURCE, "unknown");
      }
      record.set(PRODUCTS, ProductTable.toJson(products));
    }
  }

  /**
   * The EC2 instance type behind an RDS class ({@code db.r6i.2xlarge} → {@code r6i.2xlarge}, the
   * {@code .tpcN.memNx} suffix dropped), or null for a class with no EC2 twin ({@code
   * db.serverless}).
   */
  public static String ec2Type(String dbClass) {
    if (dbClass == null || !dbClass.startsWith("db.") || dbClass.equals("db.serverless")) {
      return null;
    }
    String type = CLASS_SUFFIX.matcher(dbClass.substring(3)).replaceFirst("");
    return type.contains(".") ? type : null;
  }

  private static Integer feature(ObjectNode record, String name) {
    for (JsonNode feature : record.path("ProcessorFeatures")) {
      if (name.equals(feature.path("Name").textValue())) {
        try {
          return Integer.valueOf(feature.path("Value").asText());
        } catch (NumberFormatException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** Whether AWS answered the instance's own CPU options. */
  private static boolean ownCpu(JsonNode options) {
    return options.path("CoreCount").canConvertToInt()
        && options.path("ThreadsPerCore").canConvertToInt();
  }

  private static void typeDefault(ObjectNode record, TypeCpus.Cpu type) {
    if (type == null) {
      record.put(CPU_SOURCE, "unknown");
    } else {
      cpu(record, type.cores(), type.threadsPerCore(), "type-default");
    }
  }

  private static void cpu(ObjectNode record, int cores, int threads, String source) {
    record.put(VCPUS, cores * threads);
    record.put(CORE_COUNT, cores);
    record.put(THREADS_PER_CORE, threads);
    record.put(CPU_SOURCE, source);
  }

  private static void putText(ObjectNode record, String member, String value) {
    if (value != null) {
      record.put(member, value);
    }
  }

  private static void putInteger(ObjectNode record, String member, Integer value) {
    if (value != null) {
      record.put(member, value);
    }
  }

  /** The CSV columns the instance records gain, in their order. */
  static List<String> instanceColumns() {
    return List.of(
        VCPUS,
        CORE_COUNT,
        THREADS_PER_CORE,
        CPU_SOURCE,
        "Tenancy",
        "HostId",
        "HostSockets",
        "HostCores",
        "ComputerName",
        "OsName",
        "OsVersion",
        PRODUCTS);
  }

  /** The CSV columns the DB instance records gain, in their order. */
  static List<String> dbInstanceColumns() {
    return List.of("Edition", VCPUS, CORE_COUNT, THREADS_PER_CORE, CPU_SOURCE, PRODUCTS);
  }

  /** The members the instance records gain, for the record schema. */
  static List<Member> instanceMembers() {
    List<Member> members = new ArrayList<>(cpuMembers("the instance's CpuOptions"));
    members.add(Member.text("Tenancy", "Placement.Tenancy: default, dedicated or host."));
    members.add(Member.text("HostId", "Placement.HostId: the Dedicated Host it runs on."));
    members.add(
        Member.integer(
            "HostSockets",
            "The sockets of the Dedicated Host it runs on; absent when hosts are not collected."));
    members.add(
        Member.integer(
            "HostCores",
            "The physical cores of the Dedicated Host it runs on; absent when hosts are not"
                + " collected."));
    members.add(
        Member.text(
            "ComputerName",
            "The computer name Systems Manager reports; absent when managed-nodes is not"
                + " collected or the instance is not a managed node."));
    members.add(Member.text("OsName", "The operating system Systems Manager reports."));
    members.add(Member.text("OsVersion", "The operating system version Systems Manager reports."));
    members.add(products());
    return members;
  }

  /** The members the DB instance records gain, for the record schema. */
  static List<Member> dbInstanceMembers() {
    List<Member> members = new ArrayList<>();
    members.add(
        Member.text(
            "Edition",
            "The edition the engine names (sqlserver-ee: Enterprise, oracle-se2: Standard Edition"
                + " 2); absent for an open-source engine."));
    members.addAll(cpuMembers("ProcessorFeatures"));
    members.add(products());
    return members;
  }

  private static List<Member> cpuMembers(String own) {
    return List.of(
        Member.integer(VCPUS, "The effective vCPUs: CoreCount x ThreadsPerCore."),
        Member.integer(CORE_COUNT, "The effective CPU cores, from " + own + " or the type."),
        Member.integer(THREADS_PER_CORE, "The effective threads per core."),
        Member.text(
            CPU_SOURCE,
            "instance: from "
                + own
                + "; type-default: the defaults of the EC2 instance type"
                + " (DescribeInstanceTypes); unknown: neither is known."));
  }

  private static Member products() {
    return Member.list(
        PRODUCTS,
        "The licensable products recognised: objects of Product, Edition, Source (billing-code,"
            + " rds-engine, ami, application) and LicenseIncluded.");
  }
}
