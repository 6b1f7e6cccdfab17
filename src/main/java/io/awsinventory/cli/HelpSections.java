package io.awsinventory.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The option list of {@code --help} under headings (Credentials, Roles and organization, Scope,
 * Output, Network, Logging) instead of one flat list; the heading of an option follows from the
 * option group (mixin) that declares it.
 */
final class HelpSections {
  /** The headings, in the order shown, and the option groups under each. */
  private static final Map<String, List<String>> SECTIONS = new LinkedHashMap<>();

  static {
    SECTIONS.put("Config file", List.of("config"));
    SECTIONS.put("Credentials", List.of("credentials"));
    SECTIONS.put("Roles and organization", List.of("roles"));
    SECTIONS.put("Scope", List.of("target", "scope"));
    SECTIONS.put("Output", List.of("output"));
    SECTIONS.put("Data Hub", List.of("datahub"));
    SECTIONS.put("Network", List.of("network"));
    SECTIONS.put("Logging", List.of("logging"));
  }

  /** Options of the scope group that are about the network, shown under Network. */
  private static final Set<String> NETWORK =
      Set.of("--endpoint-url", "--proxy", "--ca-bundle", "--concurrency", "--timeout");

  private HelpSections() {}

  /** Makes {@code command}'s option list render in sections. */
  static void install(CommandLine command) {
    command
        .getHelpSectionMap()
        .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpSections::render);
    command
        .getHelpSectionMap()
        .put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, help -> "");
  }

  private static String render(Help help) {
    CommandSpec spec = help.commandSpec();
    Map<String, List<OptionSpec>> sections = new LinkedHashMap<>();
    SECTIONS.keySet().forEach(heading -> sections.put(heading, new ArrayList<>()));
    List<OptionSpec> other = new ArrayList<>();
    for (OptionSpec option : spec.options()) {
      if (option.hidden()) {
        continue;
      }
      String heading = headingOf(spec, option);
      (heading == null ? other : sections.get(heading)).add(option);
    }
    boolean grouped = sections.values().stream().anyMatch(list -> !list.isEmpty());
    sections.put(grouped ? "Other" : "Options", other);
    StringBuilder text = new StringBuilder();
    sections.forEach(
        (heading, options) -> {
          if (options.isEmpty()) {
            return;
          }
          Help.Layout layout = help.createDefaultLayout();
          options.forEach(o -> layout.addOption(o, help.parameterLabelRenderer()));
          text.append(String.format("%n%s:%n", heading)).append(layout);
        });
    return text.toString();
  }

  private static String headingOf(CommandSpec spec, OptionSpec option) {
    String group = groupOf(spec, option.longestName());
    if (group == null) {
      return null;
    }
    if (group.equals("scope") && NETWORK.contains(option.longestName())) {
      group = "network";
    }
    for (Map.Entry<String, List<String>> section : SECTIONS.entrySet()) {
      if (section.getValue().contains(group)) {
        return section.getKey();
      }
    }
    return null;
  }

  /** The name of the mixin that declares the option, the innermost one for nested mixins. */
  private static String groupOf(CommandSpec spec, String optionName) {
    for (Map.Entry<String, CommandSpec> mixin : spec.mixins().entrySet()) {
      if (mixin.getValue().findOption(optionName) != null) {
        String inner = groupOf(mixin.getValue(), optionName);
        return inner != null ? inner : mixin.getKey();
      }
    }
    return null;
  }
}
