package io.awsinventory.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one target's hosts, managed nodes and installed applications tell its instance records: the
 * sockets and cores of each Dedicated Host, the computer name and operating system of each managed
 * node, the products installed on each node. Gathered from those types' records as they are stored,
 * when they are collected in the same run and run before the instances (see {@link
 * ResourceType#after()}); nothing is asked of AWS for them.
 */
public final class LicenceFacts {
  /** A Dedicated Host's processors. */
  public record Host(Integer sockets, Integer cores) {}

  /** What Systems Manager says of a managed node. */
  public record Node(String computerName, String osName, String osVersion) {}

  private final Map<String, Host> hosts = new HashMap<>();
  private final Map<String, Node> nodes = new HashMap<>();
  private final Map<String, List<ProductTable.Product>> installed = new HashMap<>();

  /**
   * {@code sink} gathering what {@code type}'s records tell the instances on their way to it;
   * {@code sink} itself for a type that tells them nothing.
   */
  public RecordSink gathering(ResourceType type, RecordSink sink) {
    return switch (type.name()) {
      case HostsCollector.NAME ->
          record -> {
            host(record);
            sink.accept(record);
          };
      case ManagedNodesCollector.NAME ->
          record -> {
            node(record);
            sink.accept(record);
          };
      case ApplicationsCollector.NAME ->
          record -> {
            application(record);
            sink.accept(record);
          };
      default -> sink;
    };
  }

  private void host(ObjectNode record) {
    String id = record.path("HostId").textValue();
    JsonNode properties = record.path("HostProperties");
    if (id != null) {
      hosts.put(id, new Host(integer(properties, "Sockets"), integer(properties, "Cores")));
    }
  }

  private void node(ObjectNode record) {
    String id = record.path("InstanceId").textValue();
    if (id != null) {
      nodes.put(
          id,
          new Node(
              record.path("ComputerName").textValue(),
              record.path("PlatformName").textValue(),
              record.path("PlatformVersion").textValue()));
    }
  }

  private void application(ObjectNode record) {
    String id = record.path("InstanceId").textValue();
    ProductTable.Product product =
        ProductTable.builtIn().fromApplication(record.path("Name").textValue());
    if (id != null && product != null) {
      List<ProductTable.Product> products = installed.computeIfAbsent(id, k -> new ArrayList<>());
      if (!products.contains(product)) {
        products.add(product);
      }
    }
  }

  private static Integer integer(JsonNode node, String member) {
    JsonNode value = node.get(member);
    return value == null || !value.canConvertToInt() ? null : value.asInt();
  }

  /** The host of that id, or null when the hosts were not collected or it is not among them. */
  public Host host(String hostId) {
    return hostId == null ? null : hosts.get(hostId);
  }

  /** The managed node of that instance id, or null. */
  public Node node(String instanceId) {
    return nodes.get(instanceId);
  }

  /** The products recognised among the applications installed on that node; may be empty. */
  public List<ProductTable.Product> installed(String instanceId) {
    return installed.getOrDefault(instanceId, List.of());
  }
}
