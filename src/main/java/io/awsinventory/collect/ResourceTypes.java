package io.awsinventory.collect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The registry of resource types. Adding a type adds one line to {@link #ALL}; its order there is
 * the order of the output files, the summary rows and the check columns.
 */
public final class ResourceTypes {
  private static final List<ResourceType> ALL =
      List.of(
          InstancesCollector.TYPE,
          ReservedInstancesCollector.TYPE,
          ImagesCollector.TYPE,
          DbInstancesCollector.TYPE,
          HostsCollector.TYPE,
          InstanceTypesCollector.TYPE,
          ReservedDbInstancesCollector.TYPE,
          ApplicationsCollector.TYPE,
          LicenseUsageCollector.TYPE,
          ManagedNodesCollector.TYPE);

  private ResourceTypes() {}

  public static List<ResourceType> all() {
    return ALL;
  }

  /** The types a run collects when {@code --resources} is not given. */
  public static List<ResourceType> defaults() {
    return ALL.stream().filter(ResourceType::collectedByDefault).toList();
  }

  public static List<String> names() {
    return ALL.stream().map(ResourceType::name).toList();
  }

  public static Optional<ResourceType> named(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  static int rank(ResourceType type) {
    int rank = ALL.indexOf(type);
    if (rank < 0) {
      throw new IllegalArgumentException("not a registered resource type: " + type.name());
    }
    return rank;
  }

  /** The type whose records provide {@code fact}. */
  public static ResourceType producerOf(TargetFact fact) {
    return ALL.stream()
        .filter(t -> t.provides().containsKey(fact))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no resource type provides " + fact));
  }

  /**
   * Every IAM action collecting {@code type} calls: its own, then those of the types it needs facts
   * from (which run when that type is collected without them).
   */
  public static List<String> iamActions(ResourceType type) {
    Set<String> actions = new LinkedHashSet<>(type.iamActions());
    for (TargetFact fact : type.needs()) {
      actions.addAll(iamActions(producerOf(fact)));
    }
    return List.copyOf(actions);
  }

  /**
   * The steps of one target, in the order they run: registry order, except that a type runs after
   * the selected types that provide what it needs and the selected types it runs {@link
   * ResourceType#after()}.
   */
  public static List<ResourceType> steps(Collection<ResourceType> selected) {
    List<ResourceType> steps = new ArrayList<>();
    for (ResourceType type : new TreeSet<>(selected)) {
      addAfterProducers(type, selected, steps, new LinkedHashSet<>());
    }
    return steps;
  }

  /**
   * The steps of one target (in {@link #steps} order) split into chains that share no producer of
   * facts: a type runs in one chain with the types that provide what it needs or that it runs
   * after, and with every other type that needs facts of that type (so a producer that is not
   * selected runs once for them), in step order. A target's chains can run side by side: only calls
   * that depend on each other follow one another.
   */
  public static List<List<ResourceType>> chains(List<ResourceType> steps) {
    int[] chainOf = new int[steps.size()];
    List<Set<ResourceType>> producers = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      ResourceType step = steps.get(i);
      Set<ResourceType> own = new HashSet<>(firsts(step));
      if (!step.provides().isEmpty() || drawnOn(step, steps)) {
        own.add(step);
      }
      producers.add(own);
      chainOf[i] = i;
      for (int j = 0; j < i; j++) {
        if (!Collections.disjoint(producers.get(j), own)) {
          // every step of j's chain joins this one's, which takes the lower number
          int from = Math.max(chainOf[j], chainOf[i]);
          int to = Math.min(chainOf[j], chainOf[i]);
          for (int k = 0; k <= i; k++) {
            if (chainOf[k] == from) {
              chainOf[k] = to;
            }
          }
        }
      }
    }
    Map<Integer, List<ResourceType>> chains = new LinkedHashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      chains.computeIfAbsent(chainOf[i], c -> new ArrayList<>()).add(steps.get(i));
    }
    return chains.values().stream().map(List::copyOf).toList();
  }

  /** Whether a step's records are drawn on by another of the steps (see {@link #firsts}). */
  private static boolean drawnOn(ResourceType step, List<ResourceType> steps) {
    return steps.stream().anyMatch(other -> other.after().contains(step.name()));
  }

  /** The types that run before {@code type} when both are collected. */
  private static Set<ResourceType> firsts(ResourceType type) {
    Set<ResourceType> firsts = new TreeSet<>();
    type.needs().forEach(fact -> firsts.add(producerOf(fact)));
    type.after().forEach(name -> firsts.add(named(name).orElseThrow()));
    return firsts;
  }

  private static void addAfterProducers(
      ResourceType type,
      Collection<ResourceType> selected,
      List<ResourceType> steps,
      Set<ResourceType> visiting) {
    if (steps.contains(type)) {
      return;
    }
    if (!visiting.add(type)) {
      throw new IllegalStateException("resource types depend on each other: " + visiting);
    }
    for (ResourceType first : firsts(type)) {
      if (selected.contains(first)) {
        addAfterProducers(first, selected, steps, visiting);
      }
    }
    steps.add(type);
  }
}
