package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;
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
public final class LicenseUsageCollector implements ResourceType {
  static final int PAGE_SIZE = 100;

  @Override
  public String name() {
    return "license-usage";
  }

  @Override
  public String fileStem() {
    return "license_manager_usage";
  }

  @Override
  public List<String> iamActions() {
    return List.of(
        "license-manager:ListLicenseConfigurations",
        "license-manager:ListUsageForLicenseConfiguration");
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
    return "LicenseConfigurationArn";
  }

  @Override
  public List<String> keyMembers() {
    return List.of("LicenseConfigurationArn", "ResourceArn");
  }

  @Override
  public List<FactColumn> factColumns() {
    return List.of(FactColumn.integer("consumed_licenses", "ConsumedLicenses"));
  }

  @Override
  public List<String> columns() {
    return List.of(
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
        "ResourceConsumedLicenses");
  }

  @Override
  public Optional<SdkPojo> model() {
    return Optional.of(LicenseConfiguration.builder().build());
  }

  @Override
  public List<Member> addedMembers() {
    return List.of(
        Member.text("ResourceArn", "The resource that uses the licence configuration."),
        Member.text("ResourceType", "Its type: EC2_INSTANCE, EC2_HOST, EC2_AMI, RDS, ..."),
        Member.text("ResourceStatus", "Its status."),
        Member.text("ResourceOwnerId", "The account that owns it."),
        Member.timestamp("AssociationTime", "When it was associated with the configuration."),
        Member.integer("ResourceConsumedLicenses", "The licences it consumes."));
  }

  @Override
  public void probe(TargetApis apis) {
    apis.licenseManager().listLicenseConfigurations(r -> r.maxResults(5));
  }

  @Override
  public void collect(TargetApis apis, RecordSink sink) {
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
}
