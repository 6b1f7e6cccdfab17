package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkPojo;
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
public final class ReservedDbInstancesCollector implements ResourceType {
  /** The largest page DescribeReservedDBInstances serves. */
  static final int PAGE_SIZE = 100;

  static final String LICENSE_MODEL = "LicenseModel";

  @Override
  public String name() {
    return "reserved-db-instances";
  }

  @Override
  public String fileStem() {
    return "rds_reserved_db_instances";
  }

  @Override
  public List<String> iamActions() {
    return List.of("rds:DescribeReservedDBInstances");
  }

  @Override
  public boolean collectedByDefault() {
    return false;
  }

  @Override
  public String idMember() {
    return "ReservedDBInstanceId";
  }

  @Override
  public List<FactColumn> factColumns() {
    return List.of(
        FactColumn.text("db_instance_class", "DBInstanceClass"),
        FactColumn.text("product_description", "ProductDescription"),
        FactColumn.integer("db_instance_count", "DBInstanceCount"),
        FactColumn.text("state", "State"));
  }

  @Override
  public List<String> columns() {
    return List.of(
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
        "ReservedDBInstanceArn");
  }

  @Override
  public Optional<SdkPojo> model() {
    return Optional.of(ReservedDBInstance.builder().build());
  }

  @Override
  public List<Member> addedMembers() {
    return List.of(
        Member.text(
            LICENSE_MODEL,
            "license-included or bring-your-own-license, from the (li) or (byol) of"
                + " ProductDescription; absent when the description names neither."));
  }

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

  @Override
  public void probe(TargetApis apis) {
    apis.rds().describeReservedDBInstances(r -> r.maxRecords(20));
  }

  @Override
  public void collect(TargetApis apis, RecordSink sink) {
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
