package io.awsinventory.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Systems Manager JSON 1.1: DescribeInstanceInformation and ListInventoryEntries of the {@code
 * AWS:Application} type, paginated as the service pages them (at most 50 a page).
 */
final class SsmHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SimEstate estate;

  SsmHandler(SimEstate estate) {
    this.estate = estate;
  }

  /** Answers a Systems Manager call in {@code account} x {@code region}. */
  void handle(HttpExchange exchange, String api, JsonNode request, String account, String region)
      throws IOException {
    int from = SimHttp.offset(request.path("NextToken").asText(null));
    int size = Math.max(1, Math.min(50, request.path("MaxResults").asInt(50)));
    ObjectNode response = JSON.createObjectNode();
    switch (api) {
      case "DescribeInstanceInformation" -> {
        int total = estate.nodeCount(account, region);
        int to = Math.min(total, from + size);
        ArrayNode nodes = response.putArray("InstanceInformationList");
        for (int i = from; i < to; i++) {
          String id = estate.nodeId(account, region, i);
          SimLicensing.Plan plan = estate.nodePlan(account, region, i);
          boolean windows = plan.windows();
          nodes
              .addObject()
              .put("InstanceId", id)
              .put("PingStatus", i % 7 == 6 ? "ConnectionLost" : "Online")
              .put("LastPingDateTime", 1.7170272E9 + i * 60)
              .put("AgentVersion", "3.3.418.0")
              .put("IsLatestVersion", false)
              .put("PlatformType", windows ? "Windows" : "Linux")
              .put(
                  "PlatformName",
                  windows
                      ? "Microsoft Windows Server 2022 Datacenter"
                      : plan == SimLicensing.Plan.RHEL
                          ? "Red Hat Enterprise Linux"
                          : "Amazon Linux")
              .put(
                  "PlatformVersion",
                  windows ? "10.0.20348" : plan == SimLicensing.Plan.RHEL ? "9.3" : "2023")
              .put(
                  "ComputerName",
                  (windows ? "WIN-" : "ip-10-0-") + i + (windows ? "" : ".ec2.internal"))
              .put("IPAddress", "10.0." + (i / 250) + "." + (i % 250 + 1))
              .put("ResourceType", id.startsWith("mi-") ? "ManagedInstance" : "EC2Instance");
        }
        if (to < total) {
          response.put("NextToken", "sim-" + to);
        }
      }
      case "ListInventoryEntries" -> {
        String node = request.path("InstanceId").asText();
        if (!knownNode(account, region, node)) {
          SimDialect.error(exchange, 400, "InvalidInstanceId", "Invalid instance id " + node);
          return;
        }
        if (!request.path("TypeName").asText().equals("AWS:Application")) {
          SimDialect.error(exchange, 400, "InvalidTypeNameException", "not simulated");
          return;
        }
        List<Map<String, String>> applications = estate.nodeApplications(account, region, node);
        int total = applications.size();
        int to = Math.min(total, from + size);
        response.put("TypeName", "AWS:Application");
        response.put("InstanceId", node);
        response.put("SchemaVersion", "1.1");
        response.put("CaptureTime", "2024-06-07T08:09:10Z");
        ArrayNode entries = response.putArray("Entries");
        for (int i = from; i < to; i++) {
          ObjectNode entry = entries.addObject();
          applications.get(i).forEach(entry::put);
        }
        if (to < total) {
          response.put("NextToken", "sim-" + to);
        }
      }
      default -> {
        SimDialect.error(exchange, 400, "InvalidAction", "not simulated: " + api);
        return;
      }
    }
    SimHttp.reply(exchange, 200, "application/x-amz-json-1.1", response.toString());
  }

  private boolean knownNode(String account, String region, String node) {
    for (int i = 0; i < estate.nodeCount(account, region); i++) {
      if (estate.nodeId(account, region, i).equals(node)) {
        return true;
      }
    }
    return false;
  }
}
