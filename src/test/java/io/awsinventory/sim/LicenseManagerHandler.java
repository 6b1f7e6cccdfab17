package io.awsinventory.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * License Manager JSON 1.1: ListLicenseConfigurations and ListUsageForLicenseConfiguration, paged
 * at most {@value #MAX_PAGE} a page so a test sees more than one page.
 */
final class LicenseManagerHandler {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final int MAX_PAGE = 1;

  private final SimEstate estate;

  LicenseManagerHandler(SimEstate estate) {
    this.estate = estate;
  }

  void handle(HttpExchange exchange, String api, JsonNode request, String account, String region)
      throws IOException {
    int from = SimHttp.offset(request.path("NextToken").asText(null));
    int size = Math.max(1, Math.min(MAX_PAGE, request.path("MaxResults").asInt(MAX_PAGE)));
    ObjectNode response = JSON.createObjectNode();
    switch (api) {
      case "ListLicenseConfigurations" -> {
        int total = estate.licenseConfigurationCount(account, region);
        int to = Math.min(total, from + size);
        ArrayNode configurations = response.putArray("LicenseConfigurations");
        for (int i = from; i < to; i++) {
          ObjectNode configuration = configurations.addObject();
          String arn = estate.licenseConfigurationArn(account, region, i);
          configuration
              .put("LicenseConfigurationId", arn.substring(arn.lastIndexOf(':') + 1))
              .put("LicenseConfigurationArn", arn)
              .put("Name", i == 0 ? "Windows Server Datacenter" : "SQL Server Enterprise " + i)
              .put("LicenseCountingType", i == 0 ? "Socket" : "vCPU")
              .put("LicenseCount", 10 + i)
              .put("LicenseCountHardLimit", i % 2 == 0)
              .put("ConsumedLicenses", estate.licenseUsageCount(account, region, i))
              .put("Status", "AVAILABLE")
              .put("OwnerAccountId", account);
          configuration.putArray("LicenseRules").add("#allowedTenancy=EC2-DedicatedHost");
        }
        if (to < total) {
          response.put("NextToken", "sim-" + to);
        }
      }
      case "ListUsageForLicenseConfiguration" -> {
        String arn = request.path("LicenseConfigurationArn").asText();
        int configuration = -1;
        for (int i = 0; i < estate.licenseConfigurationCount(account, region); i++) {
          if (estate.licenseConfigurationArn(account, region, i).equals(arn)) {
            configuration = i;
          }
        }
        if (configuration < 0) {
          SimDialect.error(
              exchange, 400, "InvalidParameterValueException", "no configuration " + arn);
          return;
        }
        int total = estate.licenseUsageCount(account, region, configuration);
        int to = Math.min(total, from + size);
        ArrayNode usage = response.putArray("LicenseConfigurationUsageList");
        for (int i = from; i < to; i++) {
          usage
              .addObject()
              .put(
                  "ResourceArn",
                  "arn:aws:ec2:" + region + ":" + account + ":instance/i-lic" + configuration + i)
              .put("ResourceType", "EC2_INSTANCE")
              .put("ResourceStatus", "running")
              .put("ResourceOwnerId", account)
              .put("AssociationTime", 1717747750.0)
              .put("ConsumedLicenses", 1);
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
}
