package io.awsinventory.collect;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.rds.model.DescribeReservedDbInstancesResponse;
import software.amazon.awssdk.services.rds.model.ReservedDBInstance;

/**
 * RDS reserved DB instances in every state, with the licence model they were bought under (licence
 * included or bring-your-own-licence).
 */
public final class ReservedDbInstancesCollector implements ResourceType {
  /** The largest page DescribeReservedDBInstances serves. */
  static final int PAGE_SIZE = 100;

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
  public void probe(TargetApis apis) {
    apis.rds().describeReservedDBInstances(r -> r.maxRecords(20));
  }

  @Override
  public void collect(TargetApis apis, RecordSink sink) {
    for (DescribeReservedDbInstancesResponse page :
        Pages.guarded(
            apis.rds().describeReservedDBInstancesPaginator(r -> r.maxRecords(PAGE_SIZE)),
            "DescribeReservedDBInstances",
            DescribeReservedDbInstancesResponse::marker)) {
      for (ReservedDBInstance reserved : page.reservedDBInstances()) {
        sink.accept(SdkRecords.toJson(reserved));
      }
    }
  }
}
