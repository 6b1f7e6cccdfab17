package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeHostsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeHostsResponse;
import software.amazon.awssdk.services.ec2.model.Host;

/**
 * EC2 Dedicated Hosts in every state, with their sockets, cores and the instances placed on them:
 * the hardware a per-core or per-socket licence is counted on.
 */
public final class HostsCollector implements ResourceType {
  /** The name on the command line. */
  public static final String NAME = "hosts";

  /** The largest page DescribeHosts serves. */
  static final int PAGE_SIZE = 500;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String fileStem() {
    return "ec2_hosts";
  }

  @Override
  public List<String> iamActions() {
    return List.of("ec2:DescribeHosts");
  }

  @Override
  public boolean collectedByDefault() {
    return false;
  }

  @Override
  public String idMember() {
    return "HostId";
  }

  @Override
  public List<FactColumn> factColumns() {
    return List.of(
        FactColumn.text("instance_family", "HostProperties.InstanceFamily"),
        FactColumn.integer("sockets", "HostProperties.Sockets"),
        FactColumn.integer("cores", "HostProperties.Cores"),
        FactColumn.text("state", "State"));
  }

  @Override
  public List<String> columns() {
    return List.of(
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
        "Tags");
  }

  @Override
  public Optional<SdkPojo> model() {
    return Optional.of(Host.builder().build());
  }

  @Override
  public void probe(TargetApis apis) {
    apis.ec2().describeHosts(r -> r.maxResults(5));
  }

  @Override
  public void collect(TargetApis apis, RecordSink sink) {
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
