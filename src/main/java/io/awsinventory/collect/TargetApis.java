package io.awsinventory.collect;

import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.licensemanager.LicenseManagerClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The clients of one account x region, built and closed by the fan-out layer, plus the facts one
 * resource type of the target learns for another.
 */
public interface TargetApis {
  Ec2Client ec2();

  RdsClient rds();

  SsmClient ssm();

  LicenseManagerClient licenseManager();

  /** The account this target is in. */
  String accountId();

  /** The region this target is in. */
  String region();

  /**
   * The Systems Manager Resource Data Sync that {@code --inventory-sync} names, read with the run's
   * own credentials; empty when installed software comes from each account's Systems Manager API.
   */
  Optional<ResourceDataSync> inventorySync();

  /**
   * The values of a fact the calling type declared in {@link ResourceType#needs()}: gathered by the
   * producing type's step of this target, or by running its calls now when it is not collected.
   * Throws when the producing step failed, so the consumer's outcome says why.
   */
  Set<String> fact(TargetFact fact);

  /**
   * What this target's hosts, managed nodes and installed applications told the instance records:
   * empty where those types are not collected in this run (see {@link ResourceType#after()}).
   */
  LicenceFacts licenceFacts();

  /** The default CPUs of instance types, asked with this target's EC2 client, cached per region. */
  TypeCpus.Lookup typeCpus();
}
