package io.awsinventory.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items of the Systems Manager listings ({@link SimApis}): managed nodes, and the {@code
 * AWS:Application} inventory entries of one node.
 */
final class SsmItems {
  private final SimEstate estate;

  SsmItems(SimEstate estate) {
    this.estate = estate;
  }

  /** The APIs whose items this class writes. */
  List<SimApis.Api> apis() {
    return List.of(
        new SimApis.Api(
            "DescribeInstanceInformation",
            SimDialect.SSM,
            SimApis.Paging.json(50),
            "InstanceInformationList",
            this::nodes),
        new SimApis.Api(
            "ListInventoryEntries",
            SimDialect.SSM,
            SimApis.Paging.json(50),
            "Entries",
            this::entries));
  }

  SimApis.Listing nodes(SimApis.Call call) {
    String account = call.account();
    String region = call.region();
    return new SimApis.Listing(
        estate.nodeCount(account, region),
        (i, out) -> {
          String id = estate.nodeId(account, region, i);
          SimLicensing.Plan plan = estate.nodePlan(account, region, i);
          boolean windows = plan.windows();
          boolean rhel = plan == SimLicensing.Plan.RHEL;
          out.object()
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
                      : rhel ? "Red Hat Enterprise Linux" : "Amazon Linux")
              .put("PlatformVersion", windows ? "10.0.20348" : rhel ? "9.3" : "2023")
              .put(
                  "ComputerName",
                  (windows ? "WIN-" : "ip-10-0-") + i + (windows ? "" : ".ec2.internal"))
              .put("IPAddress", "10.0." + (i / 250) + "." + (i % 250 + 1))
              .put("ResourceType", id.startsWith("mi-") ? "ManagedInstance" : "EC2Instance");
        });
  }

  SimApis.Listing entries(SimApis.Call call) {
    String account = call.account();
    String region = call.region();
    String node = call.param("InstanceId");
    if (!knownNode(account, region, node)) {
      throw new SimApis.Refusal("InvalidInstanceId", "Invalid instance id " + node);
    }
    if (!"AWS:Application".equals(call.param("TypeName"))) {
      throw new SimApis.Refusal("InvalidTypeNameException", "not simulated");
    }
    List<Map<String, String>> applications = estate.nodeApplications(account, region, node);
    Map<String, String> head = new LinkedHashMap<>();
    head.put("TypeName", "AWS:Application");
    head.put("InstanceId", node);
    head.put("SchemaVersion", "1.1");
    head.put("CaptureTime", "2024-06-07T08:09:10Z");
    return new SimApis.Listing(
        applications.size(), (i, out) -> applications.get(i).forEach(out.object()::put), head);
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
