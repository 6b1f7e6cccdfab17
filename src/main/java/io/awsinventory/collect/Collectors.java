package io.awsinventory.collect;

import io.awsinventory.ResourceType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The registry of resource collectors: adding a resource type adds one line here. */
public final class Collectors {
  private static final Map<ResourceType, ResourceCollector> BY_TYPE =
      new EnumMap<>(ResourceType.class);

  static {
    for (ResourceCollector collector :
        List.of(
            new InstancesCollector(),
            new ReservedInstancesCollector(),
            new ImagesCollector(),
            new DbInstancesCollector())) {
      BY_TYPE.put(collector.type(), collector);
    }
  }

  private Collectors() {}

  public static ResourceCollector of(ResourceType type) {
    return BY_TYPE.get(type);
  }
}
