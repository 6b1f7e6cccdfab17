package io.awsinventory.cli;

import static io.awsinventory.InventoryException.invalidInput;

import io.awsinventory.InventoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --config FILE}: every long option as {@code name = value}, named without its dashes, one
 * per line, {@code #} starting a comment. It is picocli's default-value provider of the commands
 * that take {@code --config}: picocli asks it, after parsing, for each option the command line left
 * out, so the command line wins; options the file and the command line both leave out fall back to
 * the environment (read where each option is validated, so a message names the variable).
 *
 * <p>A problem with the file (missing, unknown key, a secret others can read) cannot be thrown from
 * inside picocli's parser without losing its wording: it is kept and thrown by {@link #check} when
 * the command starts, before any other validation.
 */
final class ConfigFile implements IDefaultValueProvider {
  static final String OPTION = "--config";

  private final CommandSpec command;
  private final Set<OptionSpec> supplied = new java.util.HashSet<>();
  private Map<String, String> values;
  private InventoryException failure;

  private ConfigFile(CommandSpec command) {
    this.command = command;
  }

  /** Makes the config file the default-value provider of every subcommand that takes it. */
  static void install(CommandLine root) {
    for (CommandLine sub : root.getSubcommands().values()) {
      if (sub.getCommandSpec().findOption(OPTION) != null) {
        sub.setDefaultValueProvider(new ConfigFile(sub.getCommandSpec()));
      }
    }
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || option.longestName().equals(OPTION)) {
      return null;
    }
    Map<String, String> file = values();
    String key = key(command, option);
    String value = key == null ? null : file.get(key);
    if (value == null) {
      return null;
    }
    supplied.add(option);
    if (option.typeInfo().isBoolean()) {
      try {
        return String.valueOf(parseBoolean(key, value));
      } catch (InventoryException e) {
        keep(e);
        return null;
      }
    }
    return value;
  }

  /**
   * The config key of {@code option}: its long name without dashes, except in the commands that
   * read a set, whose {@code --input-dir} is the file's {@code output-dir} (the set collect writes)
   * and whose own {@code --output-dir} comes from the command line only; null for those.
   */
  static String key(CommandSpec command, OptionSpec option) {
    String name = option.longestName();
    if (SET_READERS.contains(command.name())) {
      // the set collect writes: what report counts, the later set diff compares folders with
      if (name.equals("--input-dir") || name.equals("--to-dir")) {
        return "output-dir";
      }
      if (name.equals("--output-dir")) {
        return null;
      }
    }
    return name.substring(2);
  }

  /** The commands that read a committed set rather than write one. */
  static final Set<String> SET_READERS = Set.of("report", "diff");

  private static boolean isSet(Object value) {
    return value != null && !Boolean.FALSE.equals(value);
  }

  /**
   * Where the file and the command line set two options of one exclusive group ({@code quiet =
   * true} in the file, {@code -v} on the command line), the command line wins: the file's value is
   * taken back. picocli asks for the defaults of a group before it has read the command line, so
   * this is settled once parsing is done.
   */
  private void settleExclusiveGroups() {
    for (ArgGroupSpec group : command.argGroups()) {
      if (!group.exclusive()) {
        continue;
      }
      List<OptionSpec> set = group.options().stream().filter(o -> isSet(o.getValue())).toList();
      if (set.size() < 2) {
        continue;
      }
      if (set.stream().allMatch(supplied::contains)) {
        throw invalidInput(
            OPTION,
            "sets "
                + set.stream().map(o -> "'" + o.longestName().substring(2) + "'").toList()
                + ", which cannot be combined");
      }
      set.stream()
          .filter(supplied::contains)
          .forEach(o -> o.setValue(o.typeInfo().isBoolean() ? Boolean.FALSE : null));
    }
  }

  /**
   * The file's values, read once {@code --config} is known. picocli may ask for a group's defaults
   * while it is still reading the command line, before {@code --config}: nothing is kept then.
   */
  private Map<String, String> values() {
    if (values == null) {
      OptionSpec config = command.findOption(OPTION);
      Object file = config == null ? null : config.getValue();
      if (file == null) {
        return Map.of();
      }
      values = Map.of();
      try {
        values = ConfigFileReader.read(Path.of(file.toString()), command);
      } catch (InventoryException e) {
        keep(e);
      } catch (java.nio.file.InvalidPathException e) {
        keep(invalidInput(OPTION, "'" + file + "' is not a valid path"));
      }
    }
    return values;
  }

  private void keep(InventoryException e) {
    if (failure == null) {
      failure = e;
    }
  }

  /**
   * Throws the first problem the config file of {@code command} had, if any, or the command line's
   * first empty value ({@link OptionValues}).
   */
  static void check(CommandSpec command) {
    OptionValues.refuseEmpty(command);
    if (command.defaultValueProvider() instanceof ConfigFile provider) {
      provider.values();
      if (provider.failure != null) {
        throw provider.failure;
      }
      provider.settleExclusiveGroups();
    }
  }

  private static boolean parseBoolean(String key, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0", "" -> false;
      default ->
          throw invalidInput(OPTION, "'" + key + "' takes true or false, not '" + value + "'");
    };
  }
}
