package io.awsinventory.licence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.licence.Rules.Method;
import io.awsinventory.licence.Rules.Placement;
import io.awsinventory.licence.Rules.Rule;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Turns instance and DB instance records, one at a time, into licence rows: one per product each
 * runs, counted by its rule. Rows go to the sink as they are made, except those of instances on a
 * Dedicated Host whose rule counts per host: they wait, with their host's row, for {@link #finish}
 * (a host's figure needs all its instances). Memory holds those hosts only.
 */
public final class LicenceRows {
  private static final String NO_RULE = "not computable: no rule for this product and placement";

  private final Rules rules;
  private final Consumer<LicenceRow> sink;
  private final Map<String, DedicatedHost> hosts = new TreeMap<>();

  public LicenceRows(Rules rules, Consumer<LicenceRow> sink) {
    this.rules = rules;
    this.sink = sink;
  }

  /** The rows of one {@code ec2_instances} record; a terminated instance needs none. */
  public void instance(ObjectNode record) {
    if ("terminated".equals(record.path("State").path("Name").textValue())) {
      return;
    }
    String tenancy = text(record, "Tenancy");
    String hostId = text(record, "HostId");
    Placement where =
        hostId != null || "host".equals(tenancy)
            ? Placement.HOST
            : "dedicated".equals(tenancy) ? Placement.DEDICATED : Placement.SHARED;
    Resource resource =
        new Resource(
            record,
            text(record, "InstanceId"),
            LicenceRow.INSTANCE,
            where,
            tenancy,
            hostId,
            integer(record, "HostSockets"),
            integer(record, "HostCores"));
    products(resource);
  }

  /** The rows of one {@code rds_db_instances} record. */
  public void dbInstance(ObjectNode record) {
    products(
        new Resource(
            record,
            text(record, "DBInstanceIdentifier"),
            LicenceRow.DB_INSTANCE,
            Placement.RDS,
            null,
            null,
            null,
            null));
  }

  /** Sends the rows of every Dedicated Host counted per host, and their instances' rows. */
  public void finish() {
    for (DedicatedHost host : hosts.values()) {
      host.finish();
    }
    hosts.clear();
  }

  /** An instance or DB instance, with what the rules read of it. */
  private record Resource(
      ObjectNode record,
      String id,
      String kind,
      Placement where,
      String tenancy,
      String hostId,
      Integer sockets,
      Integer hostCores) {
    Integer vcpus() {
      return integer(record, "Vcpus");
    }

    Integer threadsPerCore() {
      return integer(record, "ThreadsPerCore");
    }

    boolean stale() {
      return record.path("Stale").asBoolean(false);
    }
  }

  private void products(Resource resource) {
    for (JsonNode product : resource.record().path("Products")) {
      String name = product.path("Product").asText("");
      String edition = product.path("Edition").asText("");
      boolean included = product.path("LicenseIncluded").asBoolean(false);
      if (name.isEmpty()) {
        continue;
      }
      Rule rule = rules.match(name, edition, resource.where(), included);
      LicenceRow row =
          new LicenceRow(
              resource.record().path("AccountId").asText(""),
              resource.record().path("Region").asText(""),
              resource.id(),
              resource.kind(),
              name,
              edition,
              product.path("Source").asText(""),
              included,
              resource.tenancy(),
              resource.hostId(),
              resource.vcpus(),
              resource.where() == Placement.HOST ? resource.hostCores() : null,
              rule == null ? "" : rule.metric(),
              null,
              rule == null ? "" : rule.id(),
              NO_RULE,
              true,
              rule != null && rule.method() == Method.FLAG,
              resource.stale());
      if (rule == null) {
        sink.accept(row);
      } else {
        count(rule, resource, row);
      }
    }
  }

  private void count(Rule rule, Resource resource, LicenceRow row) {
    Integer vcpus = resource.vcpus();
    switch (rule.method()) {
      case COVERED, FLAG -> sink.accept(row.with(0L, true, rule.note()));
      case UNCOUNTABLE -> sink.accept(row.with(null, true, "not computable: " + rule.note()));
      case VCPUS ->
          sink.accept(
              vcpus == null
                  ? row.with(null, true, unknownVcpus())
                  : row.with(
                      (long) Math.max(vcpus, rule.number("min")),
                      true,
                      vcpus < rule.number("min")
                          ? "at least " + rule.number("min") + " per instance"
                          : "one per vCPU"));
      case PROCESSORS -> sink.accept(processors(rule, resource, row));
      case SOCKETS -> sink.accept(sockets(rule, vcpus, row));
      case HOST_CORES, VCPUS_OR_HOST_CORES -> {
        if (resource.where() != Placement.HOST || resource.hostId() == null) {
          sink.accept(row.with(null, true, "not computable: the Dedicated Host is unknown"));
          return;
        }
        hosts
            .computeIfAbsent(
                String.join("\t", row.accountId(), row.region(), resource.hostId(), row.product())
                    + "\t"
                    + row.edition(),
                k ->
                    new DedicatedHost(
                        rule,
                        resource.hostId(),
                        resource.sockets(),
                        resource.hostCores(),
                        row,
                        sink))
            .add(resource.vcpus(), row);
      }
    }
  }

  private static LicenceRow processors(Rule rule, Resource resource, LicenceRow row) {
    Integer vcpus = resource.vcpus();
    Integer threads = resource.threadsPerCore();
    if (vcpus == null || threads == null) {
      return row.with(null, true, unknownVcpus());
    }
    if (threads == 1) {
      return row.with((long) vcpus, true, "one per vCPU (one thread per core)");
    }
    int pair = rule.number("per-thread-pair");
    return row.with(
        (long) DedicatedHost.ceil(vcpus, pair),
        true,
        "one per " + pair + " vCPUs (" + threads + " threads per core)");
  }

  private static LicenceRow sockets(Rule rule, Integer vcpus, LicenceRow row) {
    if (vcpus == null) {
      return row.with(null, true, unknownVcpus());
    }
    int per = rule.number("vcpus-per-socket");
    int max = rule.number("max-vcpus");
    long units = DedicatedHost.ceil(vcpus, per);
    if (vcpus > max) {
      return row.flagged(units, "not allowed: more than " + max + " vCPUs for this edition");
    }
    return row.with(units, true, "one per " + per + " vCPUs or part");
  }

  static String unknownVcpus() {
    return "not computable: the vCPUs or threads per core are unknown (CpuSource unknown)";
  }

  private static String text(ObjectNode record, String name) {
    String value = record.path(name).textValue();
    return value == null || value.isEmpty() ? null : value;
  }

  private static Integer integer(ObjectNode record, String name) {
    JsonNode value = record.path(name);
    return value.canConvertToInt() && value.isNumber() ? value.intValue() : null;
  }
}
