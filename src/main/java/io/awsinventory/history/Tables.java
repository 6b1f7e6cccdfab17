package io.awsinventory.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed columns of each record table, besides the run, account, region, stale flag, times and
 * the whole record as JSON: the key members of the type, then its licence facts. The migrations in
 * {@code history/<dialect>/} create exactly these; {@code TablesTest} checks that they agree.
 */
final class Tables {
  /** The JSON type a column holds. */
  enum Kind {
    TEXT,
    INTEGER,
    BOOLEAN,
    JSON
  }

  /** A typed column and the record member (dotted for nested members) it is read from. */
  record Column(String name, String member, Kind kind) {
    /** The member's value, or null where the record has none. */
    JsonNode value(JsonNode record) {
      JsonNode node = record;
      for (String part : member.split("\\.")) {
        node = node.path(part);
      }
      return node.isMissingNode() || node.isNull() ? null : node;
    }
  }

  /** One table: its name (the file stem) and its typed columns, the key ones first. */
  record Table(String name, List<Column> keys, List<Column> facts) {
    List<Column> columns() {
      List<Column> all = new ArrayList<>(keys);
      all.addAll(facts);
      return all;
    }
  }

  private static final Map<String, Table> BY_STEM = new LinkedHashMap<>();

  static {
    table(
        "ec2_instances",
        List.of(text("instance_id", "InstanceId")),
        List.of(
            text("instance_type", "InstanceType"),
            text("state_name", "State.Name"),
            text("platform_details", "PlatformDetails"),
            text("usage_operation", "UsageOperation"),
            text("license_included", "LicenseIncluded"),
            bool("byol", "Byol"),
            integer("vcpus", "Vcpus"),
            integer("core_count", "CoreCount"),
            integer("threads_per_core", "ThreadsPerCore"),
            text("cpu_source", "CpuSource"),
            text("tenancy", "Tenancy"),
            text("host_id", "HostId"),
            json("products", "Products")));
    table(
        "ec2_reserved_instances",
        List.of(text("reserved_instances_id", "ReservedInstancesId")),
        List.of(
            text("instance_type", "InstanceType"),
            text("product_description", "ProductDescription"),
            integer("instance_count", "InstanceCount"),
            text("state", "State")));
    table(
        "ec2_images",
        List.of(text("image_id", "ImageId")),
        List.of(
            text("platform_details", "PlatformDetails"),
            text("usage_operation", "UsageOperation"),
            text("license_included", "LicenseIncluded"),
            bool("byol", "Byol")));
    table(
        "rds_db_instances",
        List.of(text("db_instance_identifier", "DBInstanceIdentifier")),
        List.of(
            text("db_instance_class", "DBInstanceClass"),
            text("engine", "Engine"),
            text("engine_version", "EngineVersion"),
            text("license_model", "LicenseModel"),
            text("edition", "Edition"),
            bool("multi_az", "MultiAZ"),
            integer("vcpus", "Vcpus"),
            integer("core_count", "CoreCount"),
            integer("threads_per_core", "ThreadsPerCore"),
            text("cpu_source", "CpuSource"),
            json("products", "Products")));
    table(
        "ec2_hosts",
        List.of(text("host_id", "HostId")),
        List.of(
            text("instance_family", "HostProperties.InstanceFamily"),
            integer("sockets", "HostProperties.Sockets"),
            integer("cores", "HostProperties.Cores"),
            text("state", "State")));
    table(
        "ec2_instance_types",
        List.of(text("instance_type", "InstanceType")),
        List.of(
            integer("default_vcpus", "VCpuInfo.DefaultVCpus"),
            integer("default_cores", "VCpuInfo.DefaultCores"),
            integer("default_threads_per_core", "VCpuInfo.DefaultThreadsPerCore")));
    table(
        "rds_reserved_db_instances",
        List.of(text("reserved_db_instance_id", "ReservedDBInstanceId")),
        List.of(
            text("db_instance_class", "DBInstanceClass"),
            text("product_description", "ProductDescription"),
            integer("db_instance_count", "DBInstanceCount"),
            text("state", "State")));
    table(
        "ssm_applications",
        List.of(
            text("instance_id", "InstanceId"),
            text("name", "Name"),
            text("version", "Version"),
            text("publisher", "Publisher"),
            text("architecture", "Architecture")),
        List.of());
    table(
        "license_manager_usage",
        List.of(
            text("license_configuration_arn", "LicenseConfigurationArn"),
            text("resource_arn", "ResourceArn")),
        List.of(integer("consumed_licenses", "ConsumedLicenses")));
    table(
        "ssm_managed_nodes",
        List.of(text("instance_id", "InstanceId")),
        List.of(
            text("computer_name", "ComputerName"),
            text("platform_type", "PlatformType"),
            text("platform_name", "PlatformName"),
            text("platform_version", "PlatformVersion")));
  }

  private Tables() {}

  private static void table(String stem, List<Column> keys, List<Column> facts) {
    BY_STEM.put(stem, new Table(stem, keys, facts));
  }

  private static Column text(String name, String member) {
    return new Column(name, member, Kind.TEXT);
  }

  private static Column integer(String name, String member) {
    return new Column(name, member, Kind.INTEGER);
  }

  private static Column bool(String name, String member) {
    return new Column(name, member, Kind.BOOLEAN);
  }

  private static Column json(String name, String member) {
    return new Column(name, member, Kind.JSON);
  }

  /** The table of the file stem, or null for a file the history does not keep. */
  static Table of(String stem) {
    return BY_STEM.get(stem);
  }

  static List<Table> all() {
    return List.copyOf(BY_STEM.values());
  }
}
