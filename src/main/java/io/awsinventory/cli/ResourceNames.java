package io.awsinventory.cli;

import io.awsinventory.collect.ResourceTypes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** The values {@code --resources} takes, from the registry: for help and shell completion. */
final class ResourceNames implements Iterable<String> {
  static final String ALL = "all";

  @Override
  public Iterator<String> iterator() {
    List<String> names = new ArrayList<>(ResourceTypes.names());
    names.add(ALL);
    return names.iterator();
  }
}
