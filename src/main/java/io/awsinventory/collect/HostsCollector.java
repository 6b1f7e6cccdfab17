package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeHostsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeHostsResponse;
import software.amazon.awssdk.services.ec2.model.Host;

/**
 * EC2 Dedicated Hosts in every state, with their sockets, cores and the instances placed on them:
 * the hardware a per-core or per-socket licence is counted on.
 */
public final class HostsCollector {
  /** The name on the command line. */
  public static final String NAME = "hosts";

  /** The largest page DescribeHosts serves. */
  static final int PAGE_SIZE = 500;

  /** The type: what it is (name, file, key, columns, facts, actions) and the calls that read it. */
  public static final ResourceType TYPE =
      ResourceType.named(NAME, "ec2_hosts")
          .iamActions("ec2:DescribeHosts")
          .optIn()
          .key("HostId")
          .columns(
              "HostId",
              "HostProperties.Sockets",
              "HostProperties.Cores",
              "HostProperties.TotalVCpus",
              "HostProperties.InstanceFamily",
              "HostProperties.InstanceType",
              "State",
              "AvailabilityZone",
              "AllocationTime",
              "ReleaseTime",
              "AutoPlacement",
              "HostRecovery",
              "AllowsMultipleInstanceTypes",
              "HostMaintenance",
              "Instances",
              "OwnerId",
              "HostReservationId",
              "OutpostArn",
              "Tags")
          .model(Host.builder().build())
          .factColumns(
              FactColumn.text("instance_family", "HostProperties.InstanceFamily"),
              FactColumn.integer("sockets", "HostProperties.Sockets"),
              FactColumn.integer("cores", "HostProperties.Cores"),
              FactColumn.text("state", "State"))
          .calls(HostsCollector::collect, HostsCollector::probe);

  private HostsCollector() {}

  private static void probe(TargetApis apis) {
    apis.ec2().describeHosts(r -> r.maxResults(5));
  }

  private static void collect(TargetApis apis, RecordSink sink) {
    Ec2Client ec2 = apis.ec2();
    Iterable<ObjectNode> pages =
        Answers.ec2Pages(
            "DescribeHosts",
            DescribeHostsResponse.builder(),
            (token, answer) ->
                ec2.describeHosts(
                    DescribeHostsRequest.builder()
                        .maxResults(PAGE_SIZE)
                        .nextToken(token)
                        .overrideConfiguration(answer)
                        .build()));
    for (ObjectNode page : pages) {
      for (ObjectNode host : Answers.items(page, "Hosts")) {
        sink.accept(host);
      }
    }
  }
}
