package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DescribeReservedDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeReservedDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.ReservedDBInstance;

/**
 * RDS reserved DB instances in every state, with the licence model they were bought under. The API
 * does not answer a licence model for a reservation; its product description carries it ({@code
 * oracle-se2(li)}, {@code oracle-ee(byol)}), and {@code LicenseModel} is read from there with RDS's
 * own words for it.
 */
public final class ReservedDbInstancesCollector {
  /** The largest page DescribeReservedDBInstances serves. */
  static final int PAGE_SIZE = 100;

  static final String LICENSE_MODEL = "LicenseModel";

  /** The type: what it is (name, file, key, columns, facts, actions) and the calls that read it. */
  public static final ResourceType TYPE =
      ResourceType.named("reserved-db-instances", "rds_reserved_db_instances")
          .iamActions("rds:DescribeReservedDBInstances")
          .optIn()
          .key("ReservedDBInstanceId")
          .columns(
              "ReservedDBInstanceId",
              "ReservedDBInstancesOfferingId",
              "DBInstanceClass",
              "DBInstanceCount",
              "ProductDescription",
              "LicenseModel",
              "MultiAZ",
              "State",
              "StartTime",
              "Duration",
              "OfferingType",
              "FixedPrice",
              "UsagePrice",
              "CurrencyCode",
              "RecurringCharges",
              "LeaseId",
              "ReservedDBInstanceArn")
          .model(ReservedDBInstance.builder().build())
          .factColumns(
              FactColumn.text("db_instance_class", "DBInstanceClass"),
              FactColumn.text("product_description", "ProductDescription"),
              FactColumn.integer("db_instance_count", "DBInstanceCount"),
              FactColumn.text("state", "State"))
          .addedMembers(addedMembers())
          .calls(ReservedDbInstancesCollector::collect, ReservedDbInstancesCollector::probe);

  private ReservedDbInstancesCollector() {}

  /** The licence model a product description names, or null. */
  static String licenseModel(String productDescription) {
    if (productDescription == null) {
      return null;
    }
    if (productDescription.endsWith("(li)")) {
      return "license-included";
    }
    if (productDescription.endsWith("(byol)")) {
      return "bring-your-own-license";
    }
    return null;
  }

  private static List<Member> addedMembers() {
    return List.of(
        Member.text(
            LICENSE_MODEL,
            "license-included or bring-your-own-license, from the (li) or (byol) of"
                + " ProductDescription; absent when the description names neither."));
  }

  private static void probe(TargetApis apis) {
    apis.rds().describeReservedDBInstances(r -> r.maxRecords(20));
  }

  private static void collect(TargetApis apis, RecordSink sink) {
    RdsClient rds = apis.rds();
    Iterable<ObjectNode> pages =
        Answers.queryPages(
            "DescribeReservedDBInstances",
            DescribeReservedDbInstancesResponse.builder(),
            (marker, answer) ->
                rds.describeReservedDBInstances(
                    DescribeReservedDbInstancesRequest.builder()
                        .maxRecords(PAGE_SIZE)
                        .marker(marker)
                        .overrideConfiguration(answer)
                        .build()));
    for (ObjectNode page : pages) {
      for (ObjectNode record : Answers.items(page, "ReservedDBInstances")) {
        String licenseModel = licenseModel(record.path("ProductDescription").textValue());
        if (licenseModel != null) {
          record.put(LICENSE_MODEL, licenseModel);
        }
        sink.accept(record);
      }
    }
  }
}
