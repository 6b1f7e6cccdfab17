package io.awsinventory.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.auth.MemberRoles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.endpoints.StsEndpointParams;
import software.amazon.awssdk.services.sts.endpoints.StsEndpointProvider;

class PartitionsTest {
  @ParameterizedTest
  @CsvSource({
    "us-east-1, aws, https://sts.us-east-1.amazonaws.com, eu-west-1",
    "eu-central-1, aws, https://sts.eu-central-1.amazonaws.com, ap-southeast-2",
    "cn-north-1, aws-cn, https://sts.cn-north-1.amazonaws.com.cn, cn-northwest-1",
    "us-gov-west-1, aws-us-gov, https://sts.us-gov-west-1.amazonaws.com, us-gov-east-1"
  })
  void homeRegion_setsPartition_regionalStsEndpoint_andRegionList(
      String home, String partition, String stsEndpoint, String sibling) throws Exception {
    assertThat(Partitions.partitionOf(home)).isEqualTo(partition);
    assertThat(Partitions.partitionOf(sibling)).isEqualTo(partition);
    assertThat(Partitions.isKnownRegion(home)).isTrue();
    assertThat(Partitions.isKnownRegion(sibling)).isTrue();

    Endpoint endpoint =
        StsEndpointProvider.defaultProvider()
            .resolveEndpoint(StsEndpointParams.builder().region(Region.of(home)).build())
            .get();
    assertThat(endpoint.url().toString()).isEqualTo(stsEndpoint);

    assertThat(MemberRoles.fill(MemberRoles.DEFAULT_TEMPLATE, "123456789012", partition))
        .isEqualTo("arn:" + partition + ":iam::123456789012:role/OrganizationAccountAccessRole");
  }

  @ParameterizedTest
  @CsvSource({
    "us-east-1, true",
    "eu_west_1, false",
    "us-east-99, false",
    "mars-north-1, false",
    "US-EAST-1, false"
  })
  void isKnownRegion(String region, boolean known) {
    assertThat(Partitions.isKnownRegion(region)).isEqualTo(known);
  }
}
