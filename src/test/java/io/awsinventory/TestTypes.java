package io.awsinventory;

import io.awsinventory.collect.ResourceType;
import io.awsinventory.collect.ResourceTypes;
import java.util.Set;

/** The registered resource types, by name, for tests. */
public final class TestTypes {
  public static final ResourceType INSTANCES = named("instances");
  public static final ResourceType RESERVED_INSTANCES = named("reserved-instances");
  public static final ResourceType IMAGES = named("images");
  public static final ResourceType DB_INSTANCES = named("db-instances");

  /** The types a run collects without --resources. */
  public static final Set<ResourceType> DEFAULTS = Set.copyOf(ResourceTypes.defaults());

  private TestTypes() {}

  public static ResourceType named(String name) {
    return ResourceTypes.named(name).orElseThrow();
  }
}
