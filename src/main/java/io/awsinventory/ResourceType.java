package io.awsinventory;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The resource types aws-inventory collects, with the name used on the command line and the file
 * stem.
 */
public enum ResourceType {
  INSTANCES("instances", "ec2_instances", "ec2:DescribeInstances"),
  RESERVED_INSTANCES(
      "reserved-instances", "ec2_reserved_instances", "ec2:DescribeReservedInstances"),
  /** Images need the instance list too: they include the images instances run from. */
  IMAGES("images", "ec2_images", "ec2:DescribeImages", "ec2:DescribeInstances"),
  DB_INSTANCES("db-instances", "rds_db_instances", "rds:DescribeDBInstances");

  private final String optionName;
  private final String fileStem;
  private final List<String> iamActions;

  ResourceType(String optionName, String fileStem, String... iamActions) {
    this.optionName = optionName;
    this.fileStem = fileStem;
    this.iamActions = List.of(iamActions);
  }

  /** The IAM actions collecting this resource type calls. */
  public List<String> iamActions() {
    return iamActions;
  }

  public String optionName() {
    return optionName;
  }

  public String fileStem() {
    return fileStem;
  }

  public static Optional<ResourceType> fromOptionName(String name) {
    return Arrays.stream(values()).filter(t -> t.optionName.equals(name)).findFirst();
  }

  @Override
  public String toString() {
    return optionName;
  }
}
