package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * EC2 instances in every state. Reservations are flattened: each instance record also carries its
 * reservation's {@code ReservationId}, {@code OwnerId} and {@code RequesterId}, and the licence
 * columns of {@link LicenceColumns}.
 */
public final class InstancesCollector {
  public static final String NAME = "instances";

  /** The largest page DescribeInstances serves. */
  static final int PAGE_SIZE = 1000;

  /** The type: what it is (name, file, key, columns, facts, actions) and the calls that read it. */
  public static final ResourceType TYPE =
      ResourceType.named(NAME, "ec2_instances")
          .iamActions("ec2:DescribeInstances", "ec2:DescribeInstanceTypes")
          .key("InstanceId")
          .columns(
              "InstanceId",
              "InstanceType",
              "State.Name",
              "LaunchTime",
              "ImageId",
              "Platform",
              "PlatformDetails",
              "UsageOperation",
              "LicenseIncluded",
              "Byol",
              "UsageOperationUpdateTime",
              "Architecture",
              "CpuOptions.CoreCount",
              "CpuOptions.ThreadsPerCore",
              "Placement.AvailabilityZone",
              "Placement.Tenancy",
              "Placement.HostId",
              "InstanceLifecycle",
              "SpotInstanceRequestId",
              "Hypervisor",
              "VirtualizationType",
              "PrivateDnsName",
              "PrivateIpAddress",
              "PublicIpAddress",
              "VpcId",
              "SubnetId",
              "KeyName",
              "IamInstanceProfile.Arn",
              "Monitoring.State",
              "StateTransitionReason",
              "ReservationId",
              "OwnerId",
              "RequesterId",
              "Licenses",
              "ProductCodes",
              "SecurityGroups",
              "BlockDeviceMappings",
              "Tags")
          .laterColumns(LicenceColumns.instanceColumns())
          .model(Instance.builder().build())
          .factColumns(
              FactColumn.text("instance_type", "InstanceType"),
              FactColumn.text("state_name", "State.Name"),
              FactColumn.text("platform_details", "PlatformDetails"),
              FactColumn.text("usage_operation", "UsageOperation"),
              FactColumn.text("license_included", "LicenseIncluded"),
              FactColumn.bool("byol", "Byol"),
              FactColumn.integer("vcpus", "Vcpus"),
              FactColumn.integer("core_count", "CoreCount"),
              FactColumn.integer("threads_per_core", "ThreadsPerCore"),
              FactColumn.text("cpu_source", "CpuSource"),
              FactColumn.text("tenancy", "Tenancy"),
              FactColumn.text("host_id", "HostId"),
              FactColumn.json("products", "Products"))
          .addedMembers(addedMembers())
          .after(HostsCollector.NAME, ManagedNodesCollector.NAME, ApplicationsCollector.NAME)
          .provides(
              Map.of(
                  TargetFact.IMAGES_IN_USE,
                  "ImageId",
                  TargetFact.INSTANCE_TYPES_IN_USE,
                  "InstanceType"))
          .calls(InstancesCollector::collect, InstancesCollector::probe);

  private InstancesCollector() {}

  private static String text(ObjectNode node, String member) {
    return node.path(member).textValue();
  }

  private static Iterable<ObjectNode> pages(Ec2Client ec2) {
    return Answers.ec2Pages(
        "DescribeInstances",
        DescribeInstancesResponse.builder(),
        (token, answer) ->
            ec2.describeInstances(
                DescribeInstancesRequest.builder()
                    .maxResults(PAGE_SIZE)
                    .nextToken(token)
                    .overrideConfiguration(answer)
                    .build()));
  }

  private static List<Member> addedMembers() {
    List<Member> members = new ArrayList<>(BillingCodes.members());
    members.add(Member.text("ReservationId", "The reservation the instance was launched in."));
    members.add(Member.text("OwnerId", "The account that owns the reservation."));
    members.add(
        Member.text("RequesterId", "The service that launched the instance for the account."));
    members.addAll(LicenceColumns.instanceMembers());
    return members;
  }

  private static void probe(TargetApis apis) {
    apis.ec2().describeInstances(r -> r.maxResults(5));
  }

  private static void collect(TargetApis apis, RecordSink sink) {
    for (ObjectNode page : pages(apis.ec2())) {
      List<ObjectNode> records = new ArrayList<>();
      for (ObjectNode reservation : Answers.items(page, "Reservations")) {
        for (ObjectNode instance : Answers.items(reservation, "Instances")) {
          ObjectNode record =
              SdkRecords.insertAfter(instance, "UsageOperation", BillingCodes::annotate);
          SdkRecords.putIfPresent(record, "ReservationId", text(reservation, "ReservationId"));
          SdkRecords.putIfPresent(record, "OwnerId", text(reservation, "OwnerId"));
          SdkRecords.putIfPresent(record, "RequesterId", text(reservation, "RequesterId"));
          records.add(record);
        }
      }
      LicenceColumns.instances(records, apis);
      records.forEach(sink::accept);
    }
  }
}
