package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import software.amazon.awssdk.services.licensemanager.LicenseManagerClient;
import software.amazon.awssdk.services.licensemanager.model.LicenseConfiguration;
import software.amazon.awssdk.services.licensemanager.model.LicenseConfigurationUsage;
import software.amazon.awssdk.services.licensemanager.model.ListLicenseConfigurationsResponse;
import software.amazon.awssdk.services.licensemanager.model.ListUsageForLicenseConfigurationResponse;

/**
 * License Manager: one record per licence configuration x resource that uses it, the
 * configuration's members first (its rules, count, hard limit and licences consumed in all), then
 * the resource's. A configuration no resource uses appears once, without resource members.
 */
public final class LicenseUsageCollector {
  static final int PAGE_SIZE = 100;

  /** The type: what it is (name, file, key, columns, facts, actions) and the calls that read it. */
  public static final ResourceType TYPE =
      ResourceType.named("license-usage", "license_manager_usage")
          .iamActions(
              "license-manager:ListLicenseConfigurations",
              "license-manager:ListUsageForLicenseConfiguration")
          .optIn()
          .key("LicenseConfigurationArn", "ResourceArn")
          .columns(
              "LicenseConfigurationArn",
              "LicenseConfigurationId",
              "Name",
              "LicenseCountingType",
              "LicenseCount",
              "LicenseCountHardLimit",
              "ConsumedLicenses",
              "Status",
              "LicenseRules",
              "ResourceArn",
              "ResourceType",
              "ResourceStatus",
              "ResourceOwnerId",
              "AssociationTime",
              "ResourceConsumedLicenses")
          .model(LicenseConfiguration.builder().build())
          .factColumns(FactColumn.integer("consumed_licenses", "ConsumedLicenses"))
          .addedMembers(
              List.of(
                  Member.text("ResourceArn", "The resource that uses the licence configuration."),
                  Member.text(
                      "ResourceType", "Its type: EC2_INSTANCE, EC2_HOST, EC2_AMI, RDS, ..."),
                  Member.text("ResourceStatus", "Its status."),
                  Member.text("ResourceOwnerId", "The account that owns it."),
                  Member.timestamp(
                      "AssociationTime", "When it was associated with the configuration."),
                  Member.integer("ResourceConsumedLicenses", "The licences it consumes.")))
          .notSetUpCodes(ResourceType.NOT_SUBSCRIBED)
          .calls(LicenseUsageCollector::collect, LicenseUsageCollector::probe);

  private LicenseUsageCollector() {}

  private static void usage(
      LicenseManagerClient licenses, LicenseConfiguration configuration, RecordSink sink) {
    boolean used = false;
    for (ListUsageForLicenseConfigurationResponse page :
        Pages.following(
            token ->
                licenses.listUsageForLicenseConfiguration(
                    r ->
                        r.licenseConfigurationArn(configuration.licenseConfigurationArn())
                            .maxResults(PAGE_SIZE)
                            .nextToken(token)),
            "ListUsageForLicenseConfiguration",
            ListUsageForLicenseConfigurationResponse::nextToken)) {
      for (LicenseConfigurationUsage usage : page.licenseConfigurationUsageList()) {
        ObjectNode record = SdkRecords.toJson(configuration);
        SdkRecords.putIfPresent(record, "ResourceArn", usage.resourceArn());
        SdkRecords.putIfPresent(record, "ResourceType", usage.resourceTypeAsString());
        SdkRecords.putIfPresent(record, "ResourceStatus", usage.resourceStatus());
        SdkRecords.putIfPresent(record, "ResourceOwnerId", usage.resourceOwnerId());
        if (usage.associationTime() != null) {
          record.put("AssociationTime", usage.associationTime().toString());
        }
        if (usage.consumedLicenses() != null) {
          record.put("ResourceConsumedLicenses", usage.consumedLicenses());
        }
        sink.accept(record);
        used = true;
      }
    }
    if (!used) {
      sink.accept(SdkRecords.toJson(configuration));
    }
  }

  private static void probe(TargetApis apis) {
    apis.licenseManager().listLicenseConfigurations(r -> r.maxResults(5));
  }

  private static void collect(TargetApis apis, RecordSink sink) {
    LicenseManagerClient licenses = apis.licenseManager();
    for (ListLicenseConfigurationsResponse page :
        Pages.following(
            token ->
                licenses.listLicenseConfigurations(r -> r.maxResults(PAGE_SIZE).nextToken(token)),
            "ListLicenseConfigurations",
            ListLicenseConfigurationsResponse::nextToken)) {
      for (LicenseConfiguration configuration : page.licenseConfigurations()) {
        usage(licenses, configuration, sink);
      }
    }
  }
}
