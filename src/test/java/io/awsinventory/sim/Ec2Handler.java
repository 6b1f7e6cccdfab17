package io.awsinventory.sim;

import static io.awsinventory.sim.SimHttp.xml;

import com.sun.net.httpserver.HttpExchange;
import io.awsinventory.sim.SimEstate.SimInstance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EC2 Query: DescribeRegions, DescribeInstances, DescribeReservedInstances, DescribeImages,
 * DescribeHosts, DescribeInstanceTypes.
 */
final class Ec2Handler {
  private final SimEstate estate;

  Ec2Handler(SimEstate estate) {
    this.estate = estate;
  }

  /** Answers an EC2 action in {@code account} x {@code region}; false when it is not EC2's. */
  boolean handle(
      HttpExchange exchange, String action, String account, String region, Map<String, String> form)
      throws IOException {
    switch (action) {
      case "DescribeRegions" -> xml(exchange, 200, describeRegions(account));
      case "DescribeInstances" -> xml(exchange, 200, describeInstances(account, region, form));
      case "DescribeReservedInstances" -> xml(exchange, 200, describeReserved(account, region));
      case "DescribeImages" -> xml(exchange, 200, describeImages(account, region, form));
      case "DescribeHosts" -> xml(exchange, 200, describeHosts(account, region, form));
      case "DescribeInstanceTypes" -> xml(exchange, 200, describeInstanceTypes(form));
      default -> {
        return false;
      }
    }
    return true;
  }

  private String describeRegions(String account) {
    StringBuilder items = new StringBuilder("<regionInfo>");
    estate
        .regionStatus(account)
        .forEach(
            (region, status) ->
                items
                    .append("<item><regionName>")
                    .append(region)
                    .append("</regionName><regionEndpoint>ec2.")
                    .append(region)
                    .append(".amazonaws.com</regionEndpoint><optInStatus>")
                    .append(status)
                    .append("</optInStatus></item>"));
    return SimXml.ec2("DescribeRegions", items.append("</regionInfo>"));
  }

  private String describeInstances(String account, String region, Map<String, String> form) {
    int total = estate.instanceCount(account, region);
    int from = SimHttp.offset(form.get("NextToken"));
    int size =
        estate.config().unpagedTargets().contains(account + "/" + region)
            ? Math.max(1, total)
            : SimHttp.pageSize(form.get("MaxResults"), 5, 1000, 1000);
    int to = Math.min(total, from + size);
    StringBuilder out =
        new StringBuilder(Math.max(64, (to - from) * 900)).append("<reservationSet>");
    for (int i = from; i < to; i++) {
      if (estate.removed(account, region, i)) {
        continue;
      }
      SimInstance instance = estate.instance(account, region, i);
      out.append("<item><reservationId>r-")
          .append(instance.id().substring(2))
          .append("</reservationId><ownerId>")
          .append(account)
          .append("</ownerId><groupSet/><instancesSet><item>");
      SimXml.element(out, "instanceId", instance.id());
      SimXml.element(out, "imageId", instance.imageId());
      out.append("<instanceState><code>")
          .append(stateCode(instance.state()))
          .append("</code><name>")
          .append(instance.state())
          .append("</name></instanceState>");
      SimXml.element(
          out,
          "privateDnsName",
          "ip-10-0-" + (i % 250) + "-" + (i / 250 % 250) + "." + region + ".compute.internal");
      SimXml.element(out, "instanceType", instance.type());
      SimXml.element(out, "launchTime", instance.launched());
      int host = SimLicensing.host(estate, account, region, i);
      SimLicensing.Plan plan = SimLicensing.plan(instance, i);
      out.append("<placement><availabilityZone>")
          .append(instance.zone())
          .append("</availabilityZone>");
      if (host >= 0) {
        out.append("<tenancy>host</tenancy><hostId>")
            .append(estate.hostId(account, region, host))
            .append("</hostId>");
      } else {
        // Windows BYOL needs dedicated hardware: a Dedicated Instance where there are no hosts
        out.append("<tenancy>")
            .append(plan == SimLicensing.Plan.WINDOWS_BYOL ? "dedicated" : "default")
            .append("</tenancy>");
      }
      out.append("</placement>");
      SimXml.element(out, "privateIpAddress", "10.0." + (i % 250) + "." + (i / 250 % 250));
      SimEstate.SimType spec = SimEstate.typeSpec(instance.type());
      SimXml.element(out, "architecture", spec.architecture());
      if (plan.windows()) {
        SimXml.element(out, "platform", "windows");
      }
      SimXml.element(out, "platformDetails", plan.platformDetails);
      SimXml.element(out, "usageOperation", plan.usageOperation);
      if (SimLicensing.answersCpuOptions(i)) {
        SimEstate.SimCpu cpu = SimEstate.cpu(instance, i);
        out.append("<cpuOptions><coreCount>")
            .append(cpu.cores())
            .append("</coreCount><threadsPerCore>")
            .append(cpu.threadsPerCore())
            .append("</threadsPerCore></cpuOptions>");
      }
      out.append("<tagSet><item><key>Name</key><value>")
          .append(SimXml.escape(instance.name()))
          .append("</value></item><item><key>CostCenter</key><value>cc-")
          .append(i % 17)
          .append(", \"shared\"</value></item></tagSet>");
      out.append("</item></instancesSet></item>");
    }
    out.append("</reservationSet>");
    if (estate.config().repeatingTokenTargets().contains(account + "/" + region)) {
      // a broken or hostile server: always the same next page
      out.append("<nextToken>sim-0</nextToken>");
    } else if (to < total) {
      out.append("<nextToken>sim-").append(to).append("</nextToken>");
    }
    return SimXml.ec2("DescribeInstances", out);
  }

  /** The instances on host {@code host}, by index. */
  private List<Integer> onHost(String account, String region, int host) {
    List<Integer> placed = new ArrayList<>();
    for (int i = 0; i < estate.instanceCount(account, region); i++) {
      if (SimLicensing.host(estate, account, region, i) == host) {
        placed.add(i);
      }
    }
    return placed;
  }

  private String describeHosts(String account, String region, Map<String, String> form) {
    int total = estate.hostCount(account, region);
    int from = SimHttp.offset(form.get("NextToken"));
    int size = SimHttp.pageSize(form.get("MaxResults"), 5, 500, 500);
    int to = Math.min(total, from + size);
    StringBuilder out = new StringBuilder("<hostSet>");
    for (int i = from; i < to; i++) {
      out.append("<item>");
      SimXml.element(out, "hostId", estate.hostId(account, region, i));
      SimXml.element(out, "autoPlacement", "off");
      SimXml.element(out, "hostRecovery", "on");
      SimXml.element(out, "availabilityZone", region + "a");
      out.append(
          "<hostProperties><cores>"
              + SimLicensing.HOST_CORES
              + "</cores><instanceFamily>m5</instanceFamily><sockets>"
              + SimLicensing.HOST_SOCKETS
              + "</sockets><totalVCpus>96</totalVCpus></hostProperties>");
      List<Integer> placed = onHost(account, region, i);
      if (!placed.isEmpty()) {
        out.append("<instances>");
        for (int index : placed) {
          out.append("<item>");
          SimXml.element(out, "instanceId", estate.instance(account, region, index).id());
          SimXml.element(out, "instanceType", SimLicensing.HOST_TYPE);
          SimXml.element(out, "ownerId", account);
          out.append("</item>");
        }
        out.append("</instances>");
      }
      SimXml.element(out, "state", "available");
      SimXml.element(out, "allocationTime", "2024-05-06T07:08:09.000Z");
      SimXml.element(out, "allowsMultipleInstanceTypes", "on");
      SimXml.element(out, "ownerId", account);
      out.append("<tagSet><item><key>Name</key><value>licensed-host-")
          .append(i)
          .append("</value></item></tagSet>");
      out.append("</item>");
    }
    out.append("</hostSet>");
    if (to < total) {
      out.append("<nextToken>sim-").append(to).append("</nextToken>");
    }
    return SimXml.ec2("DescribeHosts", out);
  }

  /** The types asked for ({@code InstanceType.N}), each with made-up but consistent specs. */
  private String describeInstanceTypes(Map<String, String> form) {
    StringBuilder out = new StringBuilder("<instanceTypeSet>");
    for (int n = 1; form.containsKey("InstanceType." + n); n++) {
      String type = form.get("InstanceType." + n);
      SimEstate.SimType spec = SimEstate.typeSpec(type);
      int vcpus = spec.vcpus();
      out.append("<item>");
      SimXml.element(out, "instanceType", type);
      SimXml.element(out, "currentGeneration", true);
      SimXml.element(out, "bareMetal", false);
      SimXml.element(out, "hypervisor", "nitro");
      out.append("<processorInfo><supportedArchitectures><item>")
          .append(spec.architecture())
          .append("</item></supportedArchitectures>")
          .append("<sustainedClockSpeedInGhz>3.1</sustainedClockSpeedInGhz></processorInfo>");
      out.append("<vCpuInfo><defaultVCpus>")
          .append(vcpus)
          .append("</defaultVCpus><defaultCores>")
          .append(spec.cores())
          .append("</defaultCores><defaultThreadsPerCore>")
          .append(spec.threadsPerCore())
          .append("</defaultThreadsPerCore>")
          .append(
              spec.threadsPerCore() == 2
                  ? "<validThreadsPerCore><item>1</item><item>2</item></validThreadsPerCore>"
                  : "<validThreadsPerCore><item>1</item></validThreadsPerCore>")
          .append("</vCpuInfo>");
      out.append("<memoryInfo><sizeInMiB>")
          .append(vcpus * 4096)
          .append("</sizeInMiB></memoryInfo>");
      SimXml.element(out, "dedicatedHostsSupported", true);
      out.append("</item>");
    }
    out.append("</instanceTypeSet>");
    return SimXml.ec2("DescribeInstanceTypes", out);
  }

  private static int stateCode(String state) {
    return switch (state) {
      case "running" -> 16;
      case "stopped" -> 80;
      case "terminated" -> 48;
      default -> 0;
    };
  }

  private String describeReserved(String account, String region) {
    StringBuilder out = new StringBuilder("<reservedInstancesSet>");
    String raw = estate.config().reservedInstancesXml();
    if (raw != null) {
      return SimXml.ec2(
          "DescribeReservedInstances", out.append(raw).append("</reservedInstancesSet>"));
    }
    for (int i = 0; i < estate.reservedCount(account, region); i++) {
      out.append("<item>");
      SimXml.element(out, "reservedInstancesId", estate.reservedId(account, region, i));
      SimXml.element(out, "instanceType", estate.instanceType(i));
      SimXml.element(out, "availabilityZone", region + "a");
      SimXml.element(out, "start", "2025-01-01T00:00:00.000Z");
      SimXml.element(out, "end", "2026-01-01T00:00:00.000Z");
      SimXml.element(out, "duration", 31536000);
      SimXml.element(out, "fixedPrice", 100.0 + i);
      SimXml.element(out, "usagePrice", 0.0);
      SimXml.element(out, "instanceCount", 1 + i % 3);
      SimXml.element(out, "productDescription", "Linux/UNIX");
      SimXml.element(out, "state", i % 4 == 3 ? "retired" : "active");
      SimXml.element(out, "instanceTenancy", "default");
      SimXml.element(out, "currencyCode", "USD");
      SimXml.element(out, "offeringType", "No Upfront");
      SimXml.element(out, "offeringClass", "standard");
      SimXml.element(out, "scope", "Region");
      out.append("</item>");
    }
    return SimXml.ec2("DescribeReservedInstances", out.append("</reservedInstancesSet>"));
  }

  private String describeImages(String account, String region, Map<String, String> form) {
    List<String[]> matches = new ArrayList<>();
    if ("self".equals(form.get("Owner.1"))) {
      for (int i = 0; i < estate.ownedImageCount(account, region); i++) {
        matches.add(new String[] {estate.imageId(account, region, i), account, "owned-" + i});
      }
    } else if ("image-id".equals(form.get("Filter.1.Name"))) {
      Set<String> owned = new LinkedHashSet<>();
      for (int i = 0; i < estate.ownedImageCount(account, region); i++) {
        owned.add(estate.imageId(account, region, i));
      }
      for (int v = 1; form.containsKey("Filter.1.Value." + v); v++) {
        String id = form.get("Filter.1.Value." + v);
        if (owned.contains(id)) {
          matches.add(new String[] {id, account, "owned"});
        } else if (SimEstate.PUBLIC_IMAGES.contains(id)) {
          matches.add(new String[] {id, "137112412989", "amzn2-ami-hvm-" + id});
        }
      }
    }
    int from = SimHttp.offset(form.get("NextToken"));
    int size = SimHttp.pageSize(form.get("MaxResults"), 5, 1000, 1000);
    int to = Math.min(matches.size(), from + size);
    StringBuilder out = new StringBuilder("<imagesSet>");
    for (String[] image : matches.subList(Math.min(from, matches.size()), to)) {
      out.append("<item>");
      SimXml.element(out, "imageId", image[0]);
      SimXml.element(out, "imageLocation", image[1] + "/" + image[2]);
      SimXml.element(out, "imageState", "available");
      SimXml.element(out, "imageOwnerId", image[1]);
      SimXml.element(out, "creationDate", "2024-05-01T10:00:00.000Z");
      SimXml.element(out, "isPublic", !image[1].equals(account));
      SimXml.element(out, "architecture", "x86_64");
      SimXml.element(out, "imageType", "machine");
      SimXml.element(out, "name", image[2]);
      SimXml.element(out, "rootDeviceType", "ebs");
      SimXml.element(out, "virtualizationType", "hvm");
      SimXml.element(out, "hypervisor", "xen");
      SimXml.element(out, "platformDetails", "Linux/UNIX");
      out.append("</item>");
    }
    out.append("</imagesSet>");
    if (to < matches.size()) {
      out.append("<nextToken>sim-").append(to).append("</nextToken>");
    }
    return SimXml.ec2("DescribeImages", out);
  }
}
