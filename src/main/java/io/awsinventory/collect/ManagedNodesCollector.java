package io.awsinventory.collect;

import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;

/**
 * The nodes Systems Manager manages: an {@code i-} id is an EC2 instance (it joins {@code
 * ec2_instances}), an {@code mi-} id an on-premises or edge server. Each carries the computer name
 * and operating system its agent reports, which licence counting needs and EC2 does not say.
 */
public final class ManagedNodesCollector {
  /** The name on the command line. */
  public static final String NAME = "managed-nodes";

  /** The largest page DescribeInstanceInformation serves. */
  static final int PAGE_SIZE = 50;

  /** The type: what it is (name, file, key, columns, facts, actions) and the calls that read it. */
  public static final ResourceType TYPE =
      ResourceType.named(NAME, "ssm_managed_nodes")
          .iamActions("ssm:DescribeInstanceInformation")
          .optIn()
          .key("InstanceId")
          .columns(
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
              "SourceType")
          .model(InstanceInformation.builder().build())
          .factColumns(
              FactColumn.text("computer_name", "ComputerName"),
              FactColumn.text("platform_type", "PlatformType"),
              FactColumn.text("platform_name", "PlatformName"),
              FactColumn.text("platform_version", "PlatformVersion"))
          .notSetUpCodes(ResourceType.NOT_SUBSCRIBED)
          .calls(ManagedNodesCollector::collect, ManagedNodesCollector::probe);

  private ManagedNodesCollector() {}

  private static void probe(TargetApis apis) {
    apis.ssm().describeInstanceInformation(r -> r.maxResults(5));
  }

  private static void collect(TargetApis apis, RecordSink sink) {
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
