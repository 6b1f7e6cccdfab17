package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesRequest;
import software.amazon.awssdk.services.rds.model.DescribeDbInstancesResponse;

/**
 * RDS DB instances (every engine DescribeDBInstances lists, Aurora, Neptune and DocumentDB
 * included), with the licence columns of {@link LicenceColumns}.
 */
public final class DbInstancesCollector {
  public static final String NAME = "db-instances";

  /** The largest page DescribeDBInstances serves. */
  static final int PAGE_SIZE = 100;

  /** The type: what it is (name, file, key, columns, facts, actions) and the calls that read it. */
  public static final ResourceType TYPE =
      ResourceType.named(NAME, "rds_db_instances")
          .iamActions("rds:DescribeDBInstances", "ec2:DescribeInstanceTypes")
          .key("DBInstanceIdentifier")
          .tagsMember("TagList")
          .columns(
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
              "Tags")
          .laterColumns(LicenceColumns.dbInstanceColumns())
          .model(DBInstance.builder().build())
          .factColumns(
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
              FactColumn.json("products", "Products"))
          .addedMembers(LicenceColumns.dbInstanceMembers())
          .calls(DbInstancesCollector::collect, DbInstancesCollector::probe);

  private DbInstancesCollector() {}

  private static void probe(TargetApis apis) {
    apis.rds().describeDBInstances(r -> r.maxRecords(20));
  }

  private static void collect(TargetApis apis, RecordSink sink) {
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
