package io.awsinventory.collect;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;

/**
 * The nodes Systems Manager manages: an {@code i-} id is an EC2 instance (it joins {@code
 * ec2_instances}), an {@code mi-} id an on-premises or edge server. Each carries the computer name
 * and operating system its agent reports, which licence counting needs and EC2 does not say.
 */
public final class ManagedNodesCollector implements ResourceType {
  /** The name on the command line. */
  public static final String NAME = "managed-nodes";

  /** The largest page DescribeInstanceInformation serves. */
  static final int PAGE_SIZE = 50;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String fileStem() {
    return "ssm_managed_nodes";
  }

  @Override
  public List<String> iamActions() {
    return List.of("ssm:DescribeInstanceInformation");
  }

  @Override
  public boolean collectedByDefault() {
    return false;
  }

  @Override
  public Set<String> notSetUpCodes() {
    return NOT_SUBSCRIBED;
  }

  @Override
  public String idMember() {
    return "InstanceId";
  }

  @Override
  public List<FactColumn> factColumns() {
    return List.of(
        FactColumn.text("computer_name", "ComputerName"),
        FactColumn.text("platform_type", "PlatformType"),
        FactColumn.text("platform_name", "PlatformName"),
        FactColumn.text("platform_version", "PlatformVersion"));
  }

  @Override
  public List<String> columns() {
    return List.of(
        "InstanceId",
        "ComputerName",
        "PlatformType",
        "PlatformName",
        "PlatformVersion",
        "IPAddress",
        "AgentVersion",
        "IsLatestVersion",
        "PingStatus",
        "LastPingDateTime",
        "ResourceType",
        "Name",
        "RegistrationDate",
        "SourceId",
        "SourceType");
  }

  @Override
  public Optional<SdkPojo> model() {
    return Optional.of(InstanceInformation.builder().build());
  }

  @Override
  public void probe(TargetApis apis) {
    apis.ssm().describeInstanceInformation(r -> r.maxResults(5));
  }

  @Override
  public void collect(TargetApis apis, RecordSink sink) {
    SsmClient ssm = apis.ssm();
    for (DescribeInstanceInformationResponse page :
        Pages.following(
            token -> ssm.describeInstanceInformation(r -> r.maxResults(PAGE_SIZE).nextToken(token)),
            "DescribeInstanceInformation",
            DescribeInstanceInformationResponse::nextToken)) {
      for (InstanceInformation node : page.instanceInformationList()) {
        sink.accept(SdkRecords.toJson(node));
      }
    }
  }
}
