package io.awsinventory.discovery;

import java.util.regex.Pattern;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/** What the SDK knows about partitions and their regions; no AWS call is made here. */
public final class Partitions {
  private static final Pattern REGION_NAME = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

  private Partitions() {}

  public static boolean isWellFormedRegion(String name) {
    return REGION_NAME.matcher(name).matches();
  }

  /** The partition id ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, ...) of a region. */
  public static String partitionOf(String region) {
    return PartitionMetadata.of(Region.of(region)).id();
  }

  /** Whether the SDK knows the region as a public region of its partition. */
  public static boolean isKnownRegion(String region) {
    return isWellFormedRegion(region) && RegionMetadata.of(Region.of(region)) != null;
  }
}
