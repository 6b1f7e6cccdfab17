package io.awsinventory.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeHostsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeHostsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.Host;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;
import software.amazon.awssdk.services.licensemanager.LicenseManagerClient;
import software.amazon.awssdk.services.licensemanager.model.LicenseConfiguration;
import software.amazon.awssdk.services.licensemanager.model.LicenseConfigurationUsage;
import software.amazon.awssdk.services.licensemanager.model.ListLicenseConfigurationsRequest;
import software.amazon.awssdk.services.licensemanager.model.ListLicenseConfigurationsResponse;
import software.amazon.awssdk.services.licensemanager.model.ListUsageForLicenseConfigurationRequest;
import software.amazon.awssdk.services.licensemanager.model.ListUsageForLicenseConfigurationResponse;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DescribeReservedDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeReservedDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.ReservedDBInstance;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationRequest;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.ListInventoryEntriesRequest;
import software.amazon.awssdk.services.ssm.model.ListInventoryEntriesResponse;

/** The collectors of the licence types against mocked clients whose pages carry a token once. */
class LicenceCollectorsTest {
  private final RecordingSink sink = new RecordingSink();

  @Test
  void hosts_twoPages_everyHostWithItsCores() {
    Ec2Client ec2 = mock(Ec2Client.class);
    when(ec2.describeHosts(any(DescribeHostsRequest.class)))
        .thenReturn(
            DescribeHostsResponse.builder().hosts(host("h-1")).nextToken("page-2").build(),
            DescribeHostsResponse.builder().hosts(host("h-2")).build());

    HostsCollector.TYPE.collect(new FakeApis(ec2, null, Set.of()), sink);

    assertThat(sink.values("HostId")).containsExactly("h-1", "h-2");
    assertThat(sink.records.get(0).at("/HostProperties/Cores").asInt()).isEqualTo(48);
    assertThat(sink.records.get(0).at("/Instances/0/InstanceId").asText()).isEqualTo("i-on-h-1");
    ArgumentCaptor<DescribeHostsRequest> requests =
        ArgumentCaptor.forClass(DescribeHostsRequest.class);
    verify(ec2, times(2)).describeHosts(requests.capture());
    assertThat(requests.getAllValues().get(1).nextToken()).isEqualTo("page-2");
  }

  private static Host host(String id) {
    return Host.builder()
        .hostId(id)
        .hostProperties(p -> p.cores(48).sockets(2).totalVCpus(96).instanceFamily("m5"))
        .instances(i -> i.instanceId("i-on-" + id).instanceType("m5.large"))
        .allocationTime(Instant.parse("2024-01-01T00:00:00Z"))
        .build();
  }

  @Test
  void instanceTypes_askedInBatchesOfAHundred_onlyTheTypesInUse() {
    Ec2Client ec2 = mock(Ec2Client.class);
    when(ec2.describeInstanceTypes(any(DescribeInstanceTypesRequest.class)))
        .thenAnswer(
            call -> {
              DescribeInstanceTypesRequest request = call.getArgument(0);
              return DescribeInstanceTypesResponse.builder()
                  .instanceTypes(
                      request.instanceTypesAsStrings().stream()
                          .map(
                              t ->
                                  InstanceTypeInfo.builder()
                                      .instanceType(t)
                                      .vCpuInfo(v -> v.defaultVCpus(4).defaultCores(2))
                                      .build())
                          .toList())
                  .build();
            });
    Set<String> inUse =
        Set.copyOf(IntStream.range(0, 150).mapToObj(i -> "type" + i + ".large").toList());

    InstanceTypesCollector.TYPE.collect(
        new FakeApis(ec2, null, Set.of()).withFact(TargetFact.INSTANCE_TYPES_IN_USE, inUse), sink);

    assertThat(sink.values("InstanceType")).hasSize(150).containsExactlyInAnyOrderElementsOf(inUse);
    ArgumentCaptor<DescribeInstanceTypesRequest> requests =
        ArgumentCaptor.forClass(DescribeInstanceTypesRequest.class);
    verify(ec2, times(2)).describeInstanceTypes(requests.capture());
    assertThat(requests.getAllValues().get(0).instanceTypesAsStrings()).hasSize(100);
    assertThat(requests.getAllValues().get(1).instanceTypesAsStrings()).hasSize(50);
  }

  @Test
  void instanceTypes_noInstances_noCall() {
    Ec2Client ec2 = mock(Ec2Client.class);

    InstanceTypesCollector.TYPE.collect(
        new FakeApis(ec2, null, Set.of()).withFact(TargetFact.INSTANCE_TYPES_IN_USE, Set.of()),
        sink);

    assertThat(sink.records).isEmpty();
    verify(ec2, times(0)).describeInstanceTypes(any(DescribeInstanceTypesRequest.class));
  }

  @Test
  void reservedDbInstances_twoPages_withTheirLicenceModel() {
    RdsClient rds = mock(RdsClient.class);
    when(rds.describeReservedDBInstances(any(DescribeReservedDbInstancesRequest.class)))
        .thenReturn(
            DescribeReservedDbInstancesResponse.builder()
                .reservedDBInstances(reservedDb("rdb-1", "oracle-se2(li)"))
                .marker("m-2")
                .build(),
            DescribeReservedDbInstancesResponse.builder()
                .reservedDBInstances(
                    reservedDb("rdb-2", "oracle-ee(byol)"), reservedDb("rdb-3", "postgresql"))
                .build());

    ReservedDbInstancesCollector.TYPE.collect(new FakeApis(null, rds, Set.of()), sink);

    assertThat(sink.values("ReservedDBInstanceId")).containsExactly("rdb-1", "rdb-2", "rdb-3");
    assertThat(sink.records.get(0).get("LicenseModel").asText()).isEqualTo("license-included");
    assertThat(sink.records.get(1).get("LicenseModel").asText())
        .isEqualTo("bring-your-own-license");
    assertThat(sink.records.get(2).has("LicenseModel")).isFalse();
  }

  private static ReservedDBInstance reservedDb(String id, String productDescription) {
    return ReservedDBInstance.builder()
        .reservedDBInstanceId(id)
        .productDescription(productDescription)
        .dbInstanceCount(2)
        .build();
  }

  @Test
  void applications_everyNodeEveryPage_aNodeGoneMeanwhileIsPassedOver() {
    SsmClient ssm = mock(SsmClient.class);
    when(ssm.describeInstanceInformation(any(Consumer.class))).thenCallRealMethod();
    when(ssm.listInventoryEntries(any(Consumer.class))).thenCallRealMethod();
    when(ssm.describeInstanceInformation(any(DescribeInstanceInformationRequest.class)))
        .thenReturn(
            DescribeInstanceInformationResponse.builder()
                .instanceInformationList(n -> n.instanceId("i-1"), n -> n.instanceId("i-gone"))
                .nextToken("nodes-2")
                .build(),
            DescribeInstanceInformationResponse.builder()
                .instanceInformationList(n -> n.instanceId("mi-3"))
                .build());
    when(ssm.listInventoryEntries(any(ListInventoryEntriesRequest.class)))
        .thenAnswer(
            call -> {
              ListInventoryEntriesRequest request = call.getArgument(0);
              if (request.instanceId().equals("i-gone")) {
                throw InvalidInstanceIdException.builder().message("gone").build();
              }
              boolean first = request.nextToken() == null;
              return ListInventoryEntriesResponse.builder()
                  .instanceId(request.instanceId())
                  .captureTime("2024-06-07T08:09:10Z")
                  .schemaVersion("1.1")
                  .entries(
                      Map.of(
                          "Name", first ? "Office" : "Visio",
                          "Publisher", "Contoso",
                          "Version", "16.0",
                          "NotInTheSchema", "x"))
                  .nextToken(first ? "entries-2" : null)
                  .build();
            });

    ApplicationsCollector.TYPE.collect(new FakeApis(null, null, Set.of()).withSsm(ssm), sink);

    assertThat(sink.values("InstanceId")).containsExactly("i-1", "i-1", "mi-3", "mi-3");
    assertThat(sink.values("Name")).containsExactly("Office", "Visio", "Office", "Visio");
    assertThat(sink.records.get(0).get("CaptureTime").asText()).isEqualTo("2024-06-07T08:09:10Z");
    assertThat(sink.records).noneMatch(r -> r.has("NotInTheSchema"));
    ArgumentCaptor<ListInventoryEntriesRequest> requests =
        ArgumentCaptor.forClass(ListInventoryEntriesRequest.class);
    verify(ssm, times(5)).listInventoryEntries(requests.capture());
    assertThat(requests.getAllValues()).allMatch(r -> r.typeName().equals("AWS:Application"));
  }

  @Test
  void applications_fromASync_streamedObjectByObject_membersRenamed() {
    S3Client s3 = mock(S3Client.class);
    when(s3.headBucket(any(Consumer.class))).thenCallRealMethod();
    when(s3.headBucket(any(HeadBucketRequest.class)))
        .thenReturn(HeadBucketResponse.builder().build());
    when(s3.listObjectsV2Paginator(any(Consumer.class))).thenCallRealMethod();
    when(s3.listObjectsV2Paginator(any(ListObjectsV2Request.class))).thenCallRealMethod();
    List<String> prefixes = new ArrayList<>();
    when(s3.listObjectsV2(any(ListObjectsV2Request.class)))
        .thenAnswer(
            call -> {
              ListObjectsV2Request request = call.getArgument(0);
              prefixes.add(request.prefix());
              boolean first = request.continuationToken() == null;
              return ListObjectsV2Response.builder()
                  .contents(o -> o.key(request.prefix() + (first ? "a/i-1.json" : "a/mi-2.json")))
                  .nextContinuationToken(first ? "keys-2" : null)
                  .isTruncated(first)
                  .build();
            });
    when(s3.getObject(any(Consumer.class))).thenCallRealMethod();
    when(s3.getObject(any(GetObjectRequest.class)))
        .thenAnswer(
            call -> {
              GetObjectRequest request = call.getArgument(0);
              String node = request.key().substring(request.key().lastIndexOf('/') + 1);
              node = node.substring(0, node.length() - ".json".length());
              String body =
                  "{\"name\":\"Contoso \\\"Data\\\" Suite, Édition\",\"publisher\":\"Contoso\","
                      + "\"resourceid\":\""
                      + node
                      + "\",\"capturetime\":\"2024-06-07T08:09:10Z\",\"accountid\":\"1\"}\n"
                      + "[{\"Name\":\"Visio\",\"resourceId\":\""
                      + node
                      + "\"}]\n";
              return new ResponseInputStream<>(
                  GetObjectResponse.builder().build(),
                  AbortableInputStream.create(
                      new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
            });
    ResourceDataSync sync = new ResourceDataSync(s3, SyncLocation.parse("s3://b/org"));

    ApplicationsCollector.TYPE.collect(new FakeApis(null, null, Set.of()).withSync(sync), sink);

    assertThat(prefixes)
        .containsOnly("org/AWS:Application/accountid=111122223333/region=eu-west-1/");
    assertThat(sink.values("InstanceId")).containsExactly("i-1", "i-1", "mi-2", "mi-2");
    assertThat(sink.values("Name"))
        .containsExactly(
            "Contoso \"Data\" Suite, Édition", "Visio", "Contoso \"Data\" Suite, Édition", "Visio");
    assertThat(sink.records.get(0).has("accountid")).isFalse();
    assertThat(sink.records.get(0).get("CaptureTime").asText()).isEqualTo("2024-06-07T08:09:10Z");
  }

  @Test
  void licenseUsage_aRowPerResource_anUnusedConfigurationOnce() {
    LicenseManagerClient licenses = mock(LicenseManagerClient.class);
    when(licenses.listLicenseConfigurations(any(Consumer.class))).thenCallRealMethod();
    when(licenses.listUsageForLicenseConfiguration(any(Consumer.class))).thenCallRealMethod();
    when(licenses.listLicenseConfigurations(any(ListLicenseConfigurationsRequest.class)))
        .thenReturn(
            ListLicenseConfigurationsResponse.builder()
                .licenseConfigurations(configuration("arn:lc-1", 10L))
                .nextToken("configs-2")
                .build(),
            ListLicenseConfigurationsResponse.builder()
                .licenseConfigurations(configuration("arn:lc-2", 0L))
                .build());
    when(licenses.listUsageForLicenseConfiguration(
            any(ListUsageForLicenseConfigurationRequest.class)))
        .thenAnswer(
            call -> {
              ListUsageForLicenseConfigurationRequest request = call.getArgument(0);
              if (request.licenseConfigurationArn().equals("arn:lc-2")) {
                return ListUsageForLicenseConfigurationResponse.builder().build();
              }
              boolean first = request.nextToken() == null;
              return ListUsageForLicenseConfigurationResponse.builder()
                  .licenseConfigurationUsageList(
                      LicenseConfigurationUsage.builder()
                          .resourceArn(first ? "arn:i-1" : "arn:i-2")
                          .resourceType("EC2_INSTANCE")
                          .consumedLicenses(4L)
                          .associationTime(Instant.parse("2024-06-07T08:09:10Z"))
                          .build())
                  .nextToken(first ? "usage-2" : null)
                  .build();
            });

    LicenseUsageCollector.TYPE.collect(
        new FakeApis(null, null, Set.of()).withLicenseManager(licenses), sink);

    assertThat(sink.values("LicenseConfigurationArn"))
        .containsExactly("arn:lc-1", "arn:lc-1", "arn:lc-2");
    assertThat(sink.records.get(0).get("ResourceArn").asText()).isEqualTo("arn:i-1");
    assertThat(sink.records.get(1).get("ResourceArn").asText()).isEqualTo("arn:i-2");
    assertThat(sink.records.get(0).get("ResourceConsumedLicenses").asInt()).isEqualTo(4);
    assertThat(sink.records.get(0).get("ConsumedLicenses").asInt()).isEqualTo(10);
    assertThat(sink.records.get(0).get("AssociationTime").asText())
        .isEqualTo("2024-06-07T08:09:10Z");
    assertThat(sink.records.get(2).has("ResourceArn")).isFalse();
    assertThat(sink.records.get(2).get("Name").asText()).isEqualTo("config arn:lc-2");
  }

  private static LicenseConfiguration configuration(String arn, long consumed) {
    return LicenseConfiguration.builder()
        .licenseConfigurationArn(arn)
        .name("config " + arn)
        .licenseCountingType("vCPU")
        .licenseCount(100L)
        .consumedLicenses(consumed)
        .build();
  }
}
