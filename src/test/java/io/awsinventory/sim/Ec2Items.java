package io.awsinventory.sim;

import io.awsinventory.sim.SimEstate.SimInstance;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The items of the EC2 listings ({@link SimApis}): regions, instances, reserved instances, images,
 * Dedicated Hosts and instance types, written from the estate.
 */
final class Ec2Items {
  private final SimEstate estate;

  Ec2Items(SimEstate estate) {
    this.estate = estate;
  }

  /** The APIs whose items this class writes. */
  List<SimApis.Api> apis() {
    return List.of(
        new SimApis.Api(
            "DescribeRegions",
            SimDialect.EC2,
            SimApis.Paging.ONE_PAGE,
            "regionInfo",
            this::regions),
        new SimApis.Api(
            "DescribeInstances",
            SimDialect.EC2,
            SimApis.Paging.ec2(1000),
            "reservationSet",
            this::instances),
        new SimApis.Api(
            "DescribeReservedInstances",
            SimDialect.EC2,
            SimApis.Paging.ONE_PAGE,
            "reservedInstancesSet",
            this::reserved),
        new SimApis.Api(
            "DescribeImages", SimDialect.EC2, SimApis.Paging.ec2(1000), "imagesSet", this::images),
        new SimApis.Api(
            "DescribeHosts", SimDialect.EC2, SimApis.Paging.ec2(500), "hostSet", this::hosts),
        new SimApis.Api(
            "DescribeInstanceTypes",
            SimDialect.EC2,
            SimApis.Paging.ONE_PAGE,
            "instanceTypeSet",
            this::types));
  }

  SimApis.Listing regions(SimApis.Call call) {
    List<Map.Entry<String, String>> regions =
        List.copyOf(estate.regionStatus(call.account()).entrySet());
    return new SimApis.Listing(
        regions.size(),
        (i, out) -> {
          String region = regions.get(i).getKey();
          out.xml()
              .append("<item><regionName>")
              .append(region)
              .append("</regionName><regionEndpoint>ec2.")
              .append(region)
              .append(".amazonaws.com</regionEndpoint><optInStatus>")
              .append(regions.get(i).getValue())
              .append("</optInStatus></item>");
        });
  }

  SimApis.Listing instances(SimApis.Call call) {
    String account = call.account();
    String region = call.region();
    return new SimApis.Listing(
        estate.instanceCount(account, region), (i, xml) -> instance(account, region, i, xml.xml()));
  }

  private void instance(String account, String region, int i, StringBuilder out) {
    if (estate.removed(account, region, i)) {
      return;
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

  SimApis.Listing hosts(SimApis.Call call) {
    String account = call.account();
    String region = call.region();
    return new SimApis.Listing(
        estate.hostCount(account, region), (i, xml) -> host(account, region, i, xml.xml()));
  }

  private void host(String account, String region, int i, StringBuilder out) {
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

  /** The types asked for ({@code InstanceType.N}), each with made-up but consistent specs. */
  SimApis.Listing types(SimApis.Call call) {
    List<String> types = new ArrayList<>();
    for (int n = 1; call.form().containsKey("InstanceType." + n); n++) {
      types.add(call.form().get("InstanceType." + n));
    }
    return new SimApis.Listing(types.size(), (i, xml) -> type(types.get(i), xml.xml()));
  }

  private static void type(String type, StringBuilder out) {
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
    out.append("<memoryInfo><sizeInMiB>").append(vcpus * 4096).append("</sizeInMiB></memoryInfo>");
    SimXml.element(out, "dedicatedHostsSupported", true);
    out.append("</item>");
  }

  private static int stateCode(String state) {
    return switch (state) {
      case "running" -> 16;
      case "stopped" -> 80;
      case "terminated" -> 48;
      default -> 0;
    };
  }

  SimApis.Listing reserved(SimApis.Call call) {
    String raw = estate.config().reservedInstancesXml;
    if (raw != null) {
      return new SimApis.Listing(1, (i, xml) -> xml.xml().append(raw));
    }
    String account = call.account();
    String region = call.region();
    return new SimApis.Listing(
        estate.reservedCount(account, region), (i, xml) -> reserved(account, region, i, xml.xml()));
  }

  private void reserved(String account, String region, int i, StringBuilder out) {
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

  SimApis.Listing images(SimApis.Call call) {
    String account = call.account();
    String region = call.region();
    Map<String, String> form = call.form();
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
    return new SimApis.Listing(
        matches.size(), (i, xml) -> image(account, matches.get(i), xml.xml()));
  }

  private static void image(String account, String[] image, StringBuilder out) {
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
}
