package io.awsinventory.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.ec2.model.Reservation;

class InstancesCollectorTest {
  private final Ec2Client ec2 = mock(Ec2Client.class);
  private final RecordingSink sink = new RecordingSink();

  private static Instance instance(String id, String image) {
    return Instance.builder()
        .instanceId(id)
        .imageId(image)
        .instanceType("t3.micro")
        .launchTime(Instant.parse("2025-01-02T03:04:05Z"))
        .state(s -> s.name(InstanceStateName.STOPPED).code(80))
        .tags(t -> t.key("Name").value("web"))
        .build();
  }

  private void pages(DescribeInstancesResponse... responses) {
    when(ec2.describeInstanceTypes(any(DescribeInstanceTypesRequest.class)))
        .thenReturn(
            DescribeInstanceTypesResponse.builder()
                .instanceTypes(
                    InstanceTypeInfo.builder()
                        .instanceType("t3.micro")
                        .vCpuInfo(v -> v.defaultVCpus(2).defaultCores(1).defaultThreadsPerCore(2))
                        .build())
                .build());
    when(ec2.describeInstances(any(DescribeInstancesRequest.class)))
        .thenReturn(responses[0], java.util.Arrays.copyOfRange(responses, 1, responses.length));
  }

  @Test
  void instancesWithoutCpuOptions_takeTheirTypesDefaults_askedOnceForEveryPage() {
    pages(
        DescribeInstancesResponse.builder()
            .reservations(
                Reservation.builder()
                    .instances(
                        instance("i-1", "ami-a"),
                        instance("i-2", "ami-a").toBuilder()
                            .cpuOptions(c -> c.coreCount(1).threadsPerCore(1))
                            .placement(p -> p.tenancy("host").hostId("h-1"))
                            .usageOperation("RunInstances:0102")
                            .build())
                    .build())
            .nextToken("page-2")
            .build(),
        DescribeInstancesResponse.builder()
            .reservations(Reservation.builder().instances(instance("i-3", "ami-a")).build())
            .build());

    InstancesCollector.TYPE.collect(new FakeApis(ec2, null, Set.of()), sink);

    assertThat(sink.values("CpuSource"))
        .containsExactly("type-default", "instance", "type-default");
    assertThat(sink.values("Vcpus")).containsExactly("2", "1", "2");
    assertThat(sink.values("CoreCount")).containsExactly("1", "1", "1");
    assertThat(sink.values("ThreadsPerCore")).containsExactly("2", "1", "2");
    assertThat(sink.records.get(1).get("Tenancy").asText()).isEqualTo("host");
    assertThat(sink.records.get(1).get("HostId").asText()).isEqualTo("h-1");
    assertThat(sink.records.get(1).get("Products").toString())
        .isEqualTo(
            "[{\"Product\":\"Windows Server\",\"Edition\":\"\",\"Source\":\"billing-code\","
                + "\"LicenseIncluded\":true},{\"Product\":\"SQL Server\",\"Edition\":"
                + "\"Enterprise\",\"Source\":\"billing-code\",\"LicenseIncluded\":true}]");
    assertThat(sink.records.get(0).get("Products").size()).isZero();
    // the type is asked for on the first page and remembered for the second
    verify(ec2, times(1)).describeInstanceTypes(any(DescribeInstanceTypesRequest.class));
  }

  @Test
  void collect_twoPages_flattensEveryReservation() {
    pages(
        DescribeInstancesResponse.builder()
            .reservations(
                Reservation.builder()
                    .reservationId("r-1")
                    .ownerId("123456789012")
                    .instances(instance("i-1", "ami-a"), instance("i-2", "ami-b"))
                    .build())
            .nextToken("page-2")
            .build(),
        DescribeInstancesResponse.builder()
            .reservations(
                Reservation.builder()
                    .reservationId("r-2")
                    .instances(instance("i-3", "ami-a"))
                    .build())
            .build());

    InstancesCollector.TYPE.collect(new FakeApis(ec2, null, Set.of()), sink);

    assertThat(sink.values("InstanceId")).containsExactly("i-1", "i-2", "i-3");
    assertThat(sink.values("ReservationId")).containsExactly("r-1", "r-1", "r-2");
    assertThat(sink.records.get(0).get("OwnerId").asText()).isEqualTo("123456789012");
    assertThat(sink.records.get(2).has("OwnerId")).isFalse();
    assertThat(sink.records.get(0).get("State").get("Name").asText()).isEqualTo("stopped");
    assertThat(sink.records.get(0).get("LaunchTime").asText()).isEqualTo("2025-01-02T03:04:05Z");
    assertThat(sink.records.get(0).get("Tags").get(0).get("Key").asText()).isEqualTo("Name");
    ArgumentCaptor<DescribeInstancesRequest> requests =
        ArgumentCaptor.forClass(DescribeInstancesRequest.class);
    verify(ec2, times(2)).describeInstances(requests.capture());
    assertThat(requests.getAllValues().get(0).maxResults()).isEqualTo(1000);
    assertThat(requests.getAllValues().get(1).nextToken()).isEqualTo("page-2");
  }

  @Test
  void collect_empty_writesNothing() {
    pages(DescribeInstancesResponse.builder().build());

    InstancesCollector.TYPE.collect(new FakeApis(ec2, null, Set.of()), sink);

    assertThat(sink.records).isEmpty();
  }

  @Test
  void imagesInUse_isReadFromTheRecordsOfEveryPage() {
    pages(
        DescribeInstancesResponse.builder()
            .reservations(Reservation.builder().instances(instance("i-1", "ami-a")).build())
            .nextToken("t")
            .build(),
        DescribeInstancesResponse.builder()
            .reservations(
                Reservation.builder()
                    .instances(instance("i-2", "ami-b"), instance("i-3", "ami-a"))
                    .build())
            .build());

    ResourceType instances = InstancesCollector.TYPE;
    String member = instances.provides().get(TargetFact.IMAGES_IN_USE);
    instances.collect(new FakeApis(ec2, null, Set.of()), sink);

    assertThat(sink.records.stream().map(r -> r.get(member).asText()))
        .containsExactlyInAnyOrder("ami-a", "ami-b", "ami-a");
  }

  @Test
  void columns_startWithTheIdAndNameEachMemberOnce() {
    List<String> columns = InstancesCollector.TYPE.columns();
    assertThat(columns.get(0)).isEqualTo("InstanceId");
    assertThat(columns).doesNotHaveDuplicates().contains("State.Name", "Tags");
  }
}
