package io.awsinventory.sim;

import java.util.List;

/** The items of the RDS listings ({@link SimApis}): DB instances and reserved DB instances. */
final class RdsItems {
  private final SimEstate estate;

  RdsItems(SimEstate estate) {
    this.estate = estate;
  }

  /** The APIs whose items this class writes. */
  List<SimApis.Api> apis() {
    return List.of(
        new SimApis.Api(
            "DescribeDBInstances",
            SimDialect.RDS,
            SimApis.Paging.rds(),
            "DBInstances",
            this::dbInstances),
        new SimApis.Api(
            "DescribeReservedDBInstances",
            SimDialect.RDS,
            SimApis.Paging.rds(),
            "ReservedDBInstances",
            this::reserved));
  }

  SimApis.Listing dbInstances(SimApis.Call call) {
    String account = call.account();
    String region = call.region();
    return new SimApis.Listing(
        estate.dbCount(account, region), (i, xml) -> dbInstance(account, region, i, xml.xml()));
  }

  private void dbInstance(String account, String region, int i, StringBuilder out) {
    String id = estate.dbId(account, region, i);
    out.append("<DBInstance>");
    SimXml.element(out, "DBInstanceIdentifier", id);
    SimXml.element(out, "DBInstanceArn", "arn:aws:rds:" + region + ":" + account + ":db:" + id);
    SimLicensing.SimDb db = SimLicensing.db(i);
    SimXml.element(out, "DBInstanceClass", db.dbClass());
    SimXml.element(out, "Engine", db.engine());
    SimXml.element(out, "EngineVersion", db.engineVersion());
    SimXml.element(out, "LicenseModel", db.licenseModel());
    if (db.featureCores() != null) {
      out.append("<ProcessorFeatures><ProcessorFeature><Name>coreCount</Name><Value>")
          .append(db.featureCores())
          .append("</Value></ProcessorFeature><ProcessorFeature><Name>threadsPerCore</Name>")
          .append("<Value>")
          .append(db.featureThreads())
          .append("</Value></ProcessorFeature></ProcessorFeatures>");
    }
    SimXml.element(out, "DBInstanceStatus", "available");
    SimXml.element(out, "MultiAZ", i % 2 == 0);
    SimXml.element(out, "AvailabilityZone", region + "b");
    SimXml.element(out, "AllocatedStorage", 100);
    SimXml.element(out, "StorageType", "gp3");
    SimXml.element(out, "InstanceCreateTime", "2024-02-03T04:05:06.000Z");
    out.append("<Endpoint><Address>")
        .append(id)
        .append(".sim.")
        .append(region)
        .append(".rds.amazonaws.com</Address><Port>5432</Port></Endpoint>");
    out.append("<TagList><Tag><Key>Name</Key><Value>")
        .append(id)
        .append("</Value></Tag></TagList>");
    out.append("</DBInstance>");
  }

  SimApis.Listing reserved(SimApis.Call call) {
    String account = call.account();
    String region = call.region();
    return new SimApis.Listing(
        estate.reservedDbCount(account, region),
        (i, xml) -> reserved(account, region, i, xml.xml()));
  }

  private void reserved(String account, String region, int i, StringBuilder out) {
    String id = estate.reservedDbId(account, region, i);
    out.append("<ReservedDBInstance>");
    SimXml.element(out, "ReservedDBInstanceId", id);
    SimXml.element(out, "ReservedDBInstancesOfferingId", "offering-" + i);
    SimXml.element(out, "DBInstanceClass", "db.r6i.xlarge");
    SimXml.element(out, "StartTime", "2024-01-02T03:04:05.000Z");
    SimXml.element(out, "Duration", 31536000);
    SimXml.element(out, "FixedPrice", 1234.5);
    SimXml.element(out, "UsagePrice", 0.0);
    SimXml.element(out, "CurrencyCode", "USD");
    SimXml.element(out, "DBInstanceCount", 2);
    SimXml.element(out, "ProductDescription", i % 2 == 0 ? "oracle-se2(li)" : "postgresql");
    SimXml.element(out, "OfferingType", "All Upfront");
    SimXml.element(out, "MultiAZ", i % 2 == 0);
    SimXml.element(out, "State", "active");
    SimXml.element(out, "LicenseModel", i % 2 == 0 ? "license-included" : "postgresql-license");
    SimXml.element(
        out, "ReservedDBInstanceArn", "arn:aws:rds:" + region + ":" + account + ":ri:" + id);
    out.append("</ReservedDBInstance>");
  }
}
