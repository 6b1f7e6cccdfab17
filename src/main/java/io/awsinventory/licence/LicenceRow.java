package io.awsinventory.licence;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One row of {@code licence_instances}: one countable unit (an instance, a DB instance or a
 * Dedicated Host) for one product it runs, with the units it needs and the rule that says so.
 *
 * @param units the units required, or null when the set lacks a fact the rule needs
 * @param counted whether the units count in the position (false for the higher of two ways to
 *     license the same Dedicated Host)
 * @param flagged whether the rule flags the resource (a placement the vendor does not allow)
 */
public record LicenceRow(
    String accountId,
    String region,
    String resourceId,
    String kind,
    String product,
    String edition,
    String source,
    boolean licenseIncluded,
    String tenancy,
    String hostId,
    Integer vcpus,
    Integer physicalCores,
    String metric,
    Long units,
    String rule,
    String note,
    boolean counted,
    boolean flagged,
    boolean stale) {

  public static final String STEM = "licence_instances";
  public static final String INSTANCE = "instance";
  public static final String DB_INSTANCE = "db-instance";
  public static final String HOST = "host";

  /** The columns, in order. */
  public static final List<String> COLUMNS =
      List.of(
          "AccountId",
          "Region",
          "ResourceId",
          "ResourceKind",
          "Product",
          "Edition",
          "Source",
          "LicenseIncluded",
          "Byol",
          "Tenancy",
          "HostId",
          "Vcpus",
          "PhysicalCores",
          "Metric",
          "UnitsRequired",
          "Rule",
          "Note",
          "Counted",
          "Flagged",
          "Stale");

  /** The JSON types of the columns that are not text. */
  public static final java.util.Map<String, String> TYPES =
      java.util.Map.of(
          "LicenseIncluded", "boolean",
          "Byol", "boolean",
          "Vcpus", "integer",
          "PhysicalCores", "integer",
          "UnitsRequired", "integer",
          "Counted", "boolean",
          "Flagged", "boolean",
          "Stale", "boolean");

  /** This row with other units, counting, note. */
  LicenceRow with(Long units, boolean counted, String note) {
    return outcome(units, note, counted, flagged, stale);
  }

  /** This row flagged: a placement or size the vendor's terms do not allow. */
  LicenceRow flagged(Long units, String note) {
    return outcome(units, note, counted, true, stale);
  }

  /** This row for a resource carried from an earlier set. */
  LicenceRow carried() {
    return outcome(units, note, counted, flagged, true);
  }

  /** The same resource and product, counted otherwise. */
  private LicenceRow outcome(
      Long units, String note, boolean counted, boolean flagged, boolean stale) {
    return new LicenceRow(
        accountId,
        region,
        resourceId,
        kind,
        product,
        edition,
        source,
        licenseIncluded,
        tenancy,
        hostId,
        vcpus,
        physicalCores,
        metric,
        units,
        rule,
        note,
        counted,
        flagged,
        stale);
  }

  /** The row as a record: absent members for unknown values. */
  public ObjectNode toJson() {
    ObjectNode row = JsonNodeFactory.instance.objectNode();
    row.put("AccountId", accountId);
    row.put("Region", region);
    row.put("ResourceId", resourceId);
    row.put("ResourceKind", kind);
    row.put("Product", product);
    row.put("Edition", edition);
    row.put("Source", source);
    row.put("LicenseIncluded", licenseIncluded);
    row.put("Byol", !licenseIncluded);
    putText(row, "Tenancy", tenancy);
    putText(row, "HostId", hostId);
    if (vcpus != null) {
      row.put("Vcpus", vcpus);
    }
    if (physicalCores != null) {
      row.put("PhysicalCores", physicalCores);
    }
    row.put("Metric", metric);
    if (units != null) {
      row.put("UnitsRequired", units);
    }
    row.put("Rule", rule);
    row.put("Note", note);
    row.put("Counted", counted);
    row.put("Flagged", flagged);
    row.put("Stale", stale);
    return row;
  }

  private static void putText(ObjectNode row, String name, String value) {
    if (value != null && !value.isEmpty()) {
      row.put(name, value);
    }
  }
}
