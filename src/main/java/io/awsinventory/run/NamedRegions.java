package io.awsinventory.run;

import io.awsinventory.Status;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.fanout.Outcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the run says of each region named in {@code --regions} that some reached account has not
 * enabled: one warning line per region naming those accounts, or, where no account reached has it
 * enabled, a failure line (nothing was collected there, so the run is not complete: exit 3).
 */
record NamedRegions(List<String> warnings, List<String> failures) {
  static final NamedRegions NONE = new NamedRegions(List.of(), List.of());

  /**
   * @param oneType a type every target has a row of, so each account x region counts once
   * @param enabledSomewhere the regions some reached account has enabled
   */
  static NamedRegions of(
      Collection<Outcome> outcomes,
      List<String> named,
      ResourceType oneType,
      Set<String> enabledSomewhere) {
    Map<String, List<String>> notEnabledIn = new TreeMap<>();
    for (Outcome o : outcomes) {
      if (o.status() == Status.NOT_ENABLED && o.resource() == oneType) {
        notEnabledIn
            .computeIfAbsent(o.target().region(), r -> new ArrayList<>())
            .add(o.target().account().id());
      }
    }
    List<String> warnings = new ArrayList<>();
    List<String> failures = new ArrayList<>();
    notEnabledIn.forEach(
        (region, ids) -> {
          if (!named.contains(region)) {
            return;
          }
          ids.sort(Comparator.naturalOrder());
          String accountsText =
              ids.size() <= 3
                  ? String.join(", ", ids)
                  : String.join(", ", ids.subList(0, 3)) + " and " + (ids.size() - 3) + " more";
          if (enabledSomewhere.contains(region)) {
            warnings.add(
                "warning: --regions: "
                    + region
                    + " is not enabled in "
                    + ids.size()
                    + (ids.size() == 1 ? " account (" : " accounts (")
                    + accountsText
                    + "); nothing was collected there for them");
          } else {
            failures.add(
                "failed: --regions: "
                    + region
                    + " is enabled in none of the accounts reached ("
                    + accountsText
                    + "); nothing was collected there");
          }
        });
    return new NamedRegions(warnings, failures);
  }
}
