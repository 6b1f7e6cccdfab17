package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;

/**
 * RDS DB instances (every engine DescribeDBInstances lists, Aurora, Neptune and DocumentDB
 * included), with the licence columns of {@link LicenceColumns}.
 */
public final class DbInstancesCollector implements ResourceType {
  public static final String NAME = "db-instances";

  /** The largest page DescribeDBInstances serves. */
  static final int PAGE_SIZE = 100;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String fileStem() {
    return "rds_db_instances";
  }

  @Override
  public List<String> iamActions() {
    return List.of("rds:DescribeDBInstances", "ec2:DescribeInstanceTypes");
  }

  @Override
  public String idMember() {
    return "DBInstanceIdentifier";
  }

  @Override
  public String tagsMember() {
    return "TagList";
  }

  @Override
  public List<String> laterColumns() {
    return LicenceColumns.dbInstanceColumns();
  }

  @Override
  public List<FactColumn> factColumns() {
    return List.of(
        FactColumn.text("db_instance_class", "DBInstanceClass"),
        FactColumn.text("engine", "Engine"),
        FactColumn.text("engine_version", "EngineVersion"),
        FactColumn.text("license_model", "LicenseModel"),
        FactColumn.text("edition", "Edition"),
        FactColumn.bool("multi_az", "MultiAZ"),
        FactColumn.integer("vcpus", "Vcpus"),
        FactColumn.integer("core_count", "CoreCount"),
        FactColumn.integer("threads_per_core", "ThreadsPerCore"),
        FactColumn.text("cpu_source", "CpuSource"),
        FactColumn.json("products", "Products"));
  }

  @Override
  public List<String> columns() {
    return List.of(
        "DBInstanceIdentifier",
        "DBInstanceArn",
        "DbiResourceId",
        "DBInstanceClass",
        "Engine",
        "EngineVersion",
        "LicenseModel",
        "ProcessorFeatures",
        "DBInstanceStatus",
        "MultiAZ",
        "AvailabilityZone",
        "SecondaryAvailabilityZone",
        "AllocatedStorage",
        "StorageType",
        "StorageEncrypted",
        "InstanceCreateTime",
        "Endpoint.Address",
        "Endpoint.Port",
        "DBSubnetGroup.VpcId",
        "DBClusterIdentifier",
        "ReadReplicaSourceDBInstanceIdentifier",
        "PubliclyAccessible",
        "DeletionProtection",
        "Tags");
  }

  @Override
  public Optional<SdkPojo> model() {
    return Optional.of(DBInstance.builder().build());
  }

  @Override
  public List<Member> addedMembers() {
    return LicenceColumns.dbInstanceMembers();
  }

  @Override
  public void probe(TargetApis apis) {
    apis.rds().describeDBInstances(r -> r.maxRecords(20));
  }

  @Override
  public void collect(TargetApis apis, RecordSink sink) {
    RdsClient rds = apis.rds();
    Iterable<ObjectNode> pages =
        Answers.queryPages(
            "DescribeDBInstances",
            DescribeDbInstancesResponse.builder(),
            (marker, answer) ->
                rds.describeDBInstances(
                    DescribeDbInstancesRequest.builder()
                        .maxRecords(PAGE_SIZE)
                        .marker(marker)
                        .overrideConfiguration(answer)
                        .build()));
    for (ObjectNode page : pages) {
      List<ObjectNode> records = Answers.items(page, "DBInstances");
      LicenceColumns.dbInstances(records, apis);
      records.forEach(sink::accept);
    }
  }
}
