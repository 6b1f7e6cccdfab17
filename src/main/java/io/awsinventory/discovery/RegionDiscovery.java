package io.awsinventory.discovery;

import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Asks EC2 which regions exist for an account and which of them it may use. Only the regions of the
 * home region's partition count: an endpoint that answers for every partition (an emulator) must
 * not widen the run.
 */
public final class RegionDiscovery {
  private RegionDiscovery() {}

  public static List<RegionStatus> describe(Ec2Client homeRegionEc2, String partition) {
    return homeRegionEc2.describeRegions(r -> r.allRegions(true)).regions().stream()
        .filter(r -> Partitions.isWellFormedRegion(r.regionName()))
        .filter(r -> Partitions.partitionOf(r.regionName()).equals(partition))
        .map(r -> new RegionStatus(r.regionName(), r.optInStatus()))
        .distinct()
        .sorted(Comparator.comparing(RegionStatus::name))
        .toList();
  }
}
