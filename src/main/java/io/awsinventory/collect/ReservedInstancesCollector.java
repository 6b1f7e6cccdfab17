package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesResponse;
import software.amazon.awssdk.services.ec2.model.ReservedInstances;

/**
 * EC2 reserved instances in every state (active, retired, payment-pending, ...). The API has no
 * pagination: one call returns them all.
 */
public final class ReservedInstancesCollector {

  /** The type: what it is (name, file, key, columns, facts, actions) and the calls that read it. */
  public static final ResourceType TYPE =
      ResourceType.named("reserved-instances", "ec2_reserved_instances")
          .iamActions("ec2:DescribeReservedInstances")
          .key("ReservedInstancesId")
          .columns(
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
              "Tags")
          .model(ReservedInstances.builder().build())
          .factColumns(
              FactColumn.text("instance_type", "InstanceType"),
              FactColumn.text("product_description", "ProductDescription"),
              FactColumn.integer("instance_count", "InstanceCount"),
              FactColumn.text("state", "State"))
          .calls(ReservedInstancesCollector::collect, ReservedInstancesCollector::probe);

  private ReservedInstancesCollector() {}

  private static void probe(TargetApis apis) {
    // the API has no page size: one call answers with every reservation, still a single request
    apis.ec2().describeReservedInstances(r -> {});
  }

  private static void collect(TargetApis apis, RecordSink sink) {
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
