package io.awsinventory.collect;

/**
 * Something one resource type learns about its account x region that another type needs: a set of
 * ids, read off a member of the producing type's records. A consumer declares it in {@link
 * ResourceType#needs()}, a producer in {@link ResourceType#provides()}; the runner orders the steps
 * so the producer runs first, and gathers the fact on its own when the producer is not collected.
 */
public final class TargetFact {
  /** The image ids the target's instances run from, in every instance state. */
  public static final TargetFact IMAGES_IN_USE =
      new TargetFact("the images that the instances run from");

  /** The instance types the target's instances have, in every instance state. */
  public static final TargetFact INSTANCE_TYPES_IN_USE =
      new TargetFact("the instance types of the instances");

  private final String description;

  private TargetFact(String description) {
    this.description = description;
  }

  /** What the fact is, for messages: "the images that the instances run from". */
  public String description() {
    return description;
  }

  @Override
  public String toString() {
    return description;
  }
}
