package io.awsinventory.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.awsinventory.sim.SimEstate.SimAccount;
import io.awsinventory.sim.SimEstate.SimOu;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Organizations JSON 1.1: ListRoots, DescribeOrganization, ListAccounts, ListAccountsForParent,
 * ListOrganizationalUnitsForParent; only the management account may call it.
 */
final class OrganizationsHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SimConfig config;
  private final SimEstate estate;
  private final SimStats stats;

  OrganizationsHandler(SimConfig config, SimEstate estate, SimStats stats) {
    this.config = config;
    this.estate = estate;
    this.stats = stats;
  }

  void handle(HttpExchange exchange, String api, String body, StsHandler.Caller caller)
      throws IOException {
    stats.count(api, caller == null ? null : caller.accountId(), "us-east-1");
    if (caller == null || caller.accountId() == null) {
      orgError(
          exchange,
          400,
          "UnrecognizedClientException",
          "The security token included in the request is invalid.");
      return;
    }
    if (caller.expired()) {
      stats.expired.increment();
      orgError(
          exchange,
          400,
          "ExpiredTokenException",
          "The security token included in the request is expired");
      return;
    }
    if (!caller.accountId().equals(estate.managementId()) || config.deniedApis.contains(api)) {
      stats.denied.increment();
      orgError(
          exchange,
          400,
          "AccessDeniedException",
          "You don't have permissions to access this resource: organizations:" + api);
      return;
    }
    SimHttp.sleep(config.latency);
    JsonNode request = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    String parent = request.path("ParentId").asText(null);
    int from = SimHttp.offset(request.path("NextToken").asText(null));
    int size = request.has("MaxResults") ? Math.min(20, request.get("MaxResults").asInt()) : 20;
    if (from > 0 && config.holdListingForRoles != null) {
      long until = System.nanoTime() + config.holdListingForRoles.toNanos();
      while (stats.issued.get() == 0 && System.nanoTime() < until) {
        SimHttp.sleep(Duration.ofMillis(5));
      }
    }
    ObjectNode response = JSON.createObjectNode();
    switch (api) {
      case "ListRoots" ->
          response
              .putArray("Roots")
              .addObject()
              .put("Id", "r-sim0")
              .put("Name", "Root")
              .put("Arn", "arn:aws:organizations::" + estate.managementId() + ":root/o-sim/r-sim0");
      case "DescribeOrganization" ->
          response
              .putObject("Organization")
              .put("Id", "o-sim")
              .put("MasterAccountId", estate.managementId())
              .put("FeatureSet", "ALL");
      case "ListAccounts", "ListAccountsForParent" -> {
        List<SimAccount> accounts =
            new java.util.ArrayList<>(
                estate.accounts().stream()
                    .filter(a -> parent == null || a.parentId().equals(parent))
                    .toList());
        if (parent == null) {
          config.invalidAccountIds.forEach(
              id -> accounts.add(new SimAccount(id, "bad", "ACTIVE", "r-sim0")));
        }
        ArrayNode list = response.putArray("Accounts");
        for (SimAccount account :
            accounts.subList(
                Math.min(from, accounts.size()), Math.min(accounts.size(), from + size))) {
          list.addObject()
              .put("Id", account.id())
              .put("Name", account.name())
              .put("Email", account.name() + "@example.com")
              .put("Status", account.state())
              .put("State", account.state())
              .put(
                  "Arn",
                  "arn:aws:organizations::"
                      + estate.managementId()
                      + ":account/o-sim/"
                      + account.id())
              .put("JoinedMethod", "CREATED")
              .put("JoinedTimestamp", 1.7e9);
        }
        if (config.repeatingAccountsToken) {
          response.put("NextToken", "sim-0");
        } else if (from + size < accounts.size()) {
          response.put("NextToken", "sim-" + (from + size));
        }
      }
      case "ListOrganizationalUnitsForParent" -> {
        List<SimOu> units =
            new java.util.ArrayList<>(
                estate.units().stream()
                    .filter(u -> parent != null && parent.equals(u.parentId()))
                    .toList());
        if (config.organizationalUnitCycle
            && !estate.units().isEmpty()
            && estate.units().get(0).id().equals(parent)) {
          units.add(estate.units().get(0));
        }
        ArrayNode list = response.putArray("OrganizationalUnits");
        for (SimOu unit :
            units.subList(Math.min(from, units.size()), Math.min(units.size(), from + size))) {
          list.addObject()
              .put("Id", unit.id())
              .put("Name", unit.name())
              .put(
                  "Arn",
                  "arn:aws:organizations::" + estate.managementId() + ":ou/o-sim/" + unit.id());
        }
        if (from + size < units.size()) {
          response.put("NextToken", "sim-" + (from + size));
        }
      }
      default -> {
        orgError(exchange, 400, "InvalidInputException", "unknown operation " + api);
        return;
      }
    }
    SimHttp.reply(exchange, 200, "application/x-amz-json-1.1", JSON.writeValueAsString(response));
  }

  private static void orgError(HttpExchange exchange, int status, String type, String message)
      throws IOException {
    ObjectNode error = JSON.createObjectNode().put("__type", type).put("Message", message);
    SimHttp.reply(exchange, status, "application/x-amz-json-1.1", JSON.writeValueAsString(error));
  }
}
