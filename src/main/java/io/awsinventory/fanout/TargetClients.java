package io.awsinventory.fanout;

import io.awsinventory.collect.InstancesCollector;
import io.awsinventory.collect.TargetApis;
import java.util.HashSet;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The clients of one target, built on first use and closed when the target's task ends, so a run
 * over thousands of accounts holds clients only for the targets in flight.
 */
final class TargetClients implements TargetApis, AutoCloseable {
  private final AwsClients clients;
  private final Target target;
  private Ec2Client ec2;
  private RdsClient rds;

  /** Filled by the instances step when it runs in the same task; null when it did not run. */
  private Set<String> imageIdsFromInstances;

  private String instancesFailure;

  TargetClients(AwsClients clients, Target target) {
    this.clients = clients;
    this.target = target;
  }

  @Override
  public Ec2Client ec2() {
    if (ec2 == null) {
      ec2 = clients.ec2(target.credentials(), target.region());
    }
    return ec2;
  }

  @Override
  public RdsClient rds() {
    if (rds == null) {
      rds = clients.rds(target.credentials(), target.region());
    }
    return rds;
  }

  /** Starts gathering the image ids of the instances step. */
  Set<String> gatherImageIds() {
    imageIdsFromInstances = new HashSet<>();
    return imageIdsFromInstances;
  }

  void instancesFailed(String code) {
    instancesFailure = code;
  }

  @Override
  public Set<String> imageIdsInUse() {
    if (instancesFailure != null) {
      throw new DependencyFailedException(
          "the images that instances run from are unknown: listing instances failed ("
              + instancesFailure
              + "); owned images were collected");
    }
    if (imageIdsFromInstances != null) {
      return imageIdsFromInstances;
    }
    return InstancesCollector.imageIdsInUse(ec2());
  }

  @Override
  public void close() {
    if (ec2 != null) {
      ec2.close();
    }
    if (rds != null) {
      rds.close();
    }
  }
}
