package io.awsinventory.cli;

import static io.awsinventory.InventoryException.invalidInput;

import io.awsinventory.collect.ApplicationsCollector;
import io.awsinventory.collect.SyncLocation;

/** {@code --inventory-sync s3://BUCKET[/PREFIX]}, checked before any AWS call. */
final class InventorySyncOption {
  private InventorySyncOption() {}

  /**
   * {@code --inventory-sync}, which only the applications type reads: naming it without that type
   * is a mistake worth stopping for, not an option silently ignored.
   */
  static SyncLocation location(TargetOptions target) {
    if (target.inventorySync == null) {
      return null;
    }
    SyncLocation location;
    try {
      location = SyncLocation.parse(target.inventorySync);
    } catch (IllegalArgumentException e) {
      throw invalidInput("--inventory-sync", e.getMessage());
    }
    boolean readsIt =
        RunConfigFactory.resources(target.resources).stream()
            .anyMatch(t -> t == ApplicationsCollector.TYPE);
    if (!readsIt) {
      throw invalidInput(
          "--inventory-sync",
          "only the applications resource reads it; add applications to --resources");
    }
    return location;
  }
}
