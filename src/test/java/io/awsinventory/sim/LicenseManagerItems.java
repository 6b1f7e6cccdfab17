package io.awsinventory.sim;

import java.util.List;

/**
 * The items of the License Manager listings ({@link SimApis}): license configurations and their
 * usage, paged at most {@value #MAX_PAGE} a page so a test sees more than one page.
 */
final class LicenseManagerItems {
  static final int MAX_PAGE = 1;

  private final SimEstate estate;

  LicenseManagerItems(SimEstate estate) {
    this.estate = estate;
  }

  /** The APIs whose items this class writes. */
  List<SimApis.Api> apis() {
    return List.of(
        new SimApis.Api(
            "ListLicenseConfigurations",
            SimDialect.LICENSE_MANAGER,
            SimApis.Paging.json(MAX_PAGE),
            "LicenseConfigurations",
            this::configurations),
        new SimApis.Api(
            "ListUsageForLicenseConfiguration",
            SimDialect.LICENSE_MANAGER,
            SimApis.Paging.json(MAX_PAGE),
            "LicenseConfigurationUsageList",
            this::usage));
  }

  SimApis.Listing configurations(SimApis.Call call) {
    String account = call.account();
    String region = call.region();
    return new SimApis.Listing(
        estate.licenseConfigurationCount(account, region),
        (i, out) -> {
          String arn = estate.licenseConfigurationArn(account, region, i);
          out.object()
              .put("LicenseConfigurationId", arn.substring(arn.lastIndexOf(':') + 1))
              .put("LicenseConfigurationArn", arn)
              .put("Name", i == 0 ? "Windows Server Datacenter" : "SQL Server Enterprise " + i)
              .put("LicenseCountingType", i == 0 ? "Socket" : "vCPU")
              .put("LicenseCount", 10 + i)
              .put("LicenseCountHardLimit", i % 2 == 0)
              .put("ConsumedLicenses", estate.licenseUsageCount(account, region, i))
              .put("Status", "AVAILABLE")
              .put("OwnerAccountId", account)
              .putArray("LicenseRules")
              .add("#allowedTenancy=EC2-DedicatedHost");
        });
  }

  SimApis.Listing usage(SimApis.Call call) {
    String account = call.account();
    String region = call.region();
    String arn = call.param("LicenseConfigurationArn");
    int configuration = -1;
    for (int i = 0; i < estate.licenseConfigurationCount(account, region); i++) {
      if (estate.licenseConfigurationArn(account, region, i).equals(arn)) {
        configuration = i;
      }
    }
    if (configuration < 0) {
      throw new SimApis.Refusal("InvalidParameterValueException", "no configuration " + arn);
    }
    int which = configuration;
    return new SimApis.Listing(
        estate.licenseUsageCount(account, region, configuration),
        (i, out) ->
            out.object()
                .put(
                    "ResourceArn",
                    "arn:aws:ec2:" + region + ":" + account + ":instance/i-lic" + which + i)
                .put("ResourceType", "EC2_INSTANCE")
                .put("ResourceStatus", "running")
                .put("ResourceOwnerId", account)
                .put("AssociationTime", 1717747750.0)
                .put("ConsumedLicenses", 1));
  }
}
