package io.awsinventory.collect;

import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;

/** Target clients for collector tests: given mocks, and the image ids the instances use. */
record FakeApis(Ec2Client ec2, RdsClient rds, Set<String> imageIdsInUse) implements TargetApis {
  @Override
  public Set<String> fact(TargetFact fact) {
    if (fact != TargetFact.IMAGES_IN_USE) {
      throw new IllegalArgumentException("no fake for " + fact);
    }
    return imageIdsInUse;
  }
}
