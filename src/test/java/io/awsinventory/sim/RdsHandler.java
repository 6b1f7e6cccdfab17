package io.awsinventory.sim;

import static io.awsinventory.sim.SimHttp.xml;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;

/** RDS Query: DescribeDBInstances, DescribeReservedDBInstances. */
final class RdsHandler {
  private final SimEstate estate;

  RdsHandler(SimEstate estate) {
    this.estate = estate;
  }

  /** Answers an RDS action in {@code account} x {@code region}; false when it is not RDS's. */
  boolean handle(
      HttpExchange exchange, String action, String account, String region, Map<String, String> form)
      throws IOException {
    switch (action) {
      case "DescribeDBInstances" -> xml(exchange, 200, describeDbInstances(account, region, form));
      case "DescribeReservedDBInstances" ->
          xml(exchange, 200, describeReservedDbInstances(account, region, form));
      default -> {
        return false;
      }
    }
    return true;
  }

  private String describeDbInstances(String account, String region, Map<String, String> form) {
    int total = estate.dbCount(account, region);
    int from = SimHttp.offset(form.get("Marker"));
    int size = SimHttp.pageSize(form.get("MaxRecords"), 20, 100, 100);
    int to = Math.min(total, from + size);
    StringBuilder out = new StringBuilder("<DBInstances>");
    for (int i = from; i < to; i++) {
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
    out.append("</DBInstances>");
    if (to < total) {
      out.append("<Marker>sim-").append(to).append("</Marker>");
    }
    return SimXml.query(SimXml.RDS_NS, "DescribeDBInstances", out);
  }

  private String describeReservedDbInstances(
      String account, String region, Map<String, String> form) {
    int total = estate.reservedDbCount(account, region);
    int from = SimHttp.offset(form.get("Marker"));
    int size = SimHttp.pageSize(form.get("MaxRecords"), 20, 100, 100);
    int to = Math.min(total, from + size);
    StringBuilder out = new StringBuilder("<ReservedDBInstances>");
    for (int i = from; i < to; i++) {
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
    out.append("</ReservedDBInstances>");
    if (to < total) {
      out.append("<Marker>sim-").append(to).append("</Marker>");
    }
    return SimXml.query(SimXml.RDS_NS, "DescribeReservedDBInstances", out);
  }
}
