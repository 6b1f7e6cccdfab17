package io.awsinventory.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The regions of one account: those to collect, and those that cannot be, with the reason (not
 * enabled for the account, or not offered to it).
 *
 * @param checked whether DescribeRegions said which regions are enabled (false when it was denied
 *     and the regions asked for are taken as they are)
 */
public record RegionPlan(List<String> enabled, Map<String, String> notEnabled, boolean checked) {

  /**
   * Plans from DescribeRegions in the home region.
   *
   * @param wanted the regions asked for; empty for every enabled region
   */
  public static RegionPlan discover(
      Ec2Client homeRegionEc2, String partition, List<String> wanted) {
    Map<String, RegionStatus> known = new LinkedHashMap<>();
    for (RegionStatus status : RegionDiscovery.describe(homeRegionEc2, partition)) {
      known.putIfAbsent(status.name(), status);
    }
    List<String> enabled = new ArrayList<>();
    Map<String, String> notEnabled = new LinkedHashMap<>();
    for (String region : new TreeSet<>(wanted.isEmpty() ? known.keySet() : wanted)) {
      RegionStatus status = known.get(region);
      if (status == null) {
        notEnabled.put(region, "region not offered to this account by ec2:DescribeRegions");
      } else if (!status.enabled()) {
        notEnabled.put(
            region, "region not enabled for this account (" + status.optInStatus() + ")");
      } else {
        enabled.add(region);
      }
    }
    return new RegionPlan(enabled, notEnabled, true);
  }

  /** The regions asked for, taken as they are (when DescribeRegions is denied). */
  public static RegionPlan unchecked(List<String> wanted) {
    return new RegionPlan(new ArrayList<>(new TreeSet<>(wanted)), Map.of(), false);
  }
}
