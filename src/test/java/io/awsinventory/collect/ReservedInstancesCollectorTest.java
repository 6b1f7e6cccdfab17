package io.awsinventory.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesResponse;
import software.amazon.awssdk.services.ec2.model.ReservedInstances;

class ReservedInstancesCollectorTest {
  private final Ec2Client ec2 = mock(Ec2Client.class);
  private final RecordingSink sink = new RecordingSink();

  private void serve(DescribeReservedInstancesResponse response) {
    when(ec2.describeReservedInstances(any(java.util.function.Consumer.class)))
        .thenCallRealMethod();
    when(ec2.describeReservedInstances(any(DescribeReservedInstancesRequest.class)))
        .thenReturn(response);
  }

  @Test
  void collect_allStatesInOneUnpaginatedCall() {
    serve(
        DescribeReservedInstancesResponse.builder()
            .reservedInstances(
                ReservedInstances.builder()
                    .reservedInstancesId("ri-1")
                    .state("active")
                    .instanceCount(3)
                    .build(),
                ReservedInstances.builder().reservedInstancesId("ri-2").state("retired").build())
            .build());

    ReservedInstancesCollector.TYPE.collect(new FakeApis(ec2, null, Set.of()), sink);

    assertThat(sink.values("ReservedInstancesId")).containsExactly("ri-1", "ri-2");
    assertThat(sink.values("State")).containsExactly("active", "retired");
    assertThat(sink.records.get(0).get("InstanceCount").asInt()).isEqualTo(3);
    verify(ec2, times(1)).describeReservedInstances(any(DescribeReservedInstancesRequest.class));
  }

  @Test
  void collect_empty_writesNothing() {
    serve(DescribeReservedInstancesResponse.builder().build());

    ReservedInstancesCollector.TYPE.collect(new FakeApis(ec2, null, Set.of()), sink);

    assertThat(sink.records).isEmpty();
  }
}
