package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.ResourceType;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;

/**
 * EC2 instances in every state. Reservations are flattened: each instance record also carries its
 * reservation's {@code ReservationId}, {@code OwnerId} and {@code RequesterId}.
 */
public final class InstancesCollector implements ResourceCollector {
  /** The largest page DescribeInstances serves. */
  static final int PAGE_SIZE = 1000;

  @Override
  public ResourceType type() {
    return ResourceType.INSTANCES;
  }

  @Override
  public String idMember() {
    return "InstanceId";
  }

  @Override
  public List<String> columns() {
    return List.of(
        "InstanceId",
        "InstanceType",
        "State.Name",
        "LaunchTime",
        "ImageId",
        "Platform",
        "PlatformDetails",
        "UsageOperation",
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
        "SecurityGroups",
        "BlockDeviceMappings",
        "Tags");
  }

  @Override
  public SdkPojo model() {
    return Instance.builder().build();
  }

  @Override
  public List<String> addedMembers() {
    return List.of("ReservationId", "OwnerId", "RequesterId");
  }

  @Override
  public void probe(TargetApis apis) {
    apis.ec2().describeInstances(r -> r.maxResults(5));
  }

  @Override
  public void collect(TargetApis apis, RecordSink sink) {
    for (DescribeInstancesResponse page : pages(apis.ec2())) {
      for (Reservation reservation : page.reservations()) {
        for (Instance instance : reservation.instances()) {
          ObjectNode record = SdkRecords.toJson(instance);
          putIfPresent(record, "ReservationId", reservation.reservationId());
          putIfPresent(record, "OwnerId", reservation.ownerId());
          putIfPresent(record, "RequesterId", reservation.requesterId());
          sink.accept(record);
        }
      }
    }
  }

  /** The image ids all instances run from, for a target whose instances are not being collected. */
  public static Set<String> imageIdsInUse(Ec2Client ec2) {
    Set<String> ids = new HashSet<>();
    for (DescribeInstancesResponse page : pages(ec2)) {
      for (Reservation reservation : page.reservations()) {
        for (Instance instance : reservation.instances()) {
          if (instance.imageId() != null) {
            ids.add(instance.imageId());
          }
        }
      }
    }
    return ids;
  }

  private static Iterable<DescribeInstancesResponse> pages(Ec2Client ec2) {
    return ec2.describeInstancesPaginator(r -> r.maxResults(PAGE_SIZE));
  }

  private static void putIfPresent(ObjectNode record, String member, String value) {
    if (value != null && !record.has(member)) {
      record.put(member, value);
    }
  }
}
