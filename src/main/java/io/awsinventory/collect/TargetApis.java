package io.awsinventory.collect;

import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The clients of one account x region, built and closed by the fan-out layer, plus what one
 * resource of the target learns for another.
 */
public interface TargetApis {
  Ec2Client ec2();

  RdsClient rds();

  /** The image ids the target's instances run from (every instance state). */
  Set<String> imageIdsInUse();
}
