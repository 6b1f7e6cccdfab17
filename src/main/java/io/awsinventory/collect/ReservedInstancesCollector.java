package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesResponse;
import software.amazon.awssdk.services.ec2.model.ReservedInstances;

/**
 * EC2 reserved instances in every state (active, retired, payment-pending, ...). The API has no
 * pagination: one call returns them all.
 */
public final class ReservedInstancesCollector implements ResourceType {

  @Override
  public String name() {
    return "reserved-instances";
  }

  @Override
  public String fileStem() {
    return "ec2_reserved_instances";
  }

  @Override
  public List<String> iamActions() {
    return List.of("ec2:DescribeReservedInstances");
  }

  @Override
  public String idMember() {
    return "ReservedInstancesId";
  }

  @Override
  public List<FactColumn> factColumns() {
    return List.of(
        FactColumn.text("instance_type", "InstanceType"),
        FactColumn.text("product_description", "ProductDescription"),
        FactColumn.integer("instance_count", "InstanceCount"),
        FactColumn.text("state", "State"));
  }

  @Override
  public List<String> columns() {
    return List.of(
        "ReservedInstancesId",
        "InstanceType",
        "InstanceCount",
        "State",
        "Start",
        "End",
        "Duration",
        "OfferingClass",
        "OfferingType",
        "ProductDescription",
        "Scope",
        "AvailabilityZone",
        "InstanceTenancy",
        "CurrencyCode",
        "FixedPrice",
        "UsagePrice",
        "RecurringCharges",
        "Tags");
  }

  @Override
  public Optional<SdkPojo> model() {
    return Optional.of(ReservedInstances.builder().build());
  }

  @Override
  public void probe(TargetApis apis) {
    // the API has no page size: one call answers with every reservation, still a single request
    apis.ec2().describeReservedInstances(r -> {});
  }

  @Override
  public void collect(TargetApis apis, RecordSink sink) {
    Ec2Client ec2 = apis.ec2();
    ObjectNode answer =
        Answers.ec2(
            DescribeReservedInstancesResponse.builder(),
            configuration ->
                ec2.describeReservedInstances(
                    DescribeReservedInstancesRequest.builder()
                        .overrideConfiguration(configuration)
                        .build()));
    for (ObjectNode reserved : Answers.items(answer, "ReservedInstances")) {
      sink.accept(reserved);
    }
  }
}
