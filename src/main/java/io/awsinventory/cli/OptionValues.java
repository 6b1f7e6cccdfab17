package io.awsinventory.cli;

import static io.awsinventory.InventoryException.invalidInput;

import io.awsinventory.Printable;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One rule for every option's value, wherever it was given: a value that is empty, or a list with
 * an empty entry ({@code --regions ""}, {@code --regions ,,,}, {@code --assume-role-arn a,,b}), is
 * a usage error naming the option; it never means "everything". Omitting an option keeps its
 * default. A repeated single-valued option is refused by the parser; a repeated list option adds to
 * the list.
 */
final class OptionValues {
  /**
   * Lists whose empty entries mean something: an empty entry of {@code --external-ids} is the hop
   * that takes {@code --external-id}.
   */
  private static final Set<String> EMPTY_ENTRIES_ALLOWED = Set.of("--external-ids");

  private OptionValues() {}

  /** Refuses the empty values the command line gave {@code command}'s options. */
  static void refuseEmpty(CommandSpec command) {
    for (OptionSpec option : command.options()) {
      if (option.typeInfo().isBoolean() || option.arity().max() == 0) {
        continue;
      }
      for (String value : option.originalStringValues()) {
        refuseEmpty(option, value, option.longestName());
      }
    }
  }

  /** Refuses {@code value} of {@code option} if it is empty or, for a list, has an empty entry. */
  static void refuseEmpty(OptionSpec option, String value, String source) {
    if (value == null || value.isBlank()) {
      throw invalidInput(source, "is empty; leave the option out to keep its default");
    }
    String split = option.splitRegex();
    if (split == null || split.isEmpty() || EMPTY_ENTRIES_ALLOWED.contains(option.longestName())) {
      return;
    }
    for (String entry : value.split(split, -1)) {
      if (entry.isBlank()) {
        throw invalidInput(source, "has an empty entry in '" + Printable.escape(value) + "'");
      }
    }
  }
}
