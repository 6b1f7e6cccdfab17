package io.awsinventory.discovery;

/** A region as DescribeRegions reports it for one account. */
public record RegionStatus(String name, String optInStatus) {

  /** Regions that need no opt-in, and opt-in regions the account has opted into. */
  public boolean enabled() {
    return !"not-opted-in".equals(optInStatus);
  }
}
