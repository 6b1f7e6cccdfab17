package io.awsinventory.cli;

import static io.awsinventory.InventoryException.invalidInput;

import io.awsinventory.InventoryException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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

  /** Keys whose values are secrets: a file holding one must be private to its owner. */
  static final Set<String> SECRET_KEYS = Set.of("secret-access-key", "session-token");

  /** The command whose options name the keys a config file may hold. */
  private static final String VOCABULARY = "collect";

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
    String key = option.longestName().substring(2);
    String value = file.get(key);
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

  private Map<String, String> values() {
    if (values == null) {
      values = Map.of();
      OptionSpec config = command.findOption(OPTION);
      Object file = config == null ? null : config.getValue();
      if (file != null) {
        try {
          values = read(Path.of(file.toString()), vocabulary(command));
        } catch (InventoryException e) {
          keep(e);
        } catch (java.nio.file.InvalidPathException e) {
          keep(invalidInput(OPTION, "'" + file + "' is not a valid path"));
        }
      }
    }
    return values;
  }

  private void keep(InventoryException e) {
    if (failure == null) {
      failure = e;
    }
  }

  /** Throws the first problem the config file of {@code command} had, if any. */
  static void check(CommandSpec command) {
    if (command.defaultValueProvider() instanceof ConfigFile provider) {
      provider.values();
      if (provider.failure != null) {
        throw provider.failure;
      }
      provider.settleExclusiveGroups();
    }
  }

  private static CommandSpec vocabulary(CommandSpec command) {
    CommandLine collect = command.root().subcommands().get(VOCABULARY);
    return collect == null ? command : collect.getCommandSpec();
  }

  static Map<String, String> read(Path file, CommandSpec command) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw invalidInput(OPTION, "no such file: " + file);
    } catch (IOException | SecurityException e) {
      throw invalidInput(OPTION, "cannot read " + file);
    }
    Set<String> known = knownKeys(command);
    Map<String, String> values = new LinkedHashMap<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String where = file.getFileName() + " line " + (n + 1);
      if (eq <= 0) {
        throw invalidInput(OPTION, where + ": expected 'name = value'");
      }
      String key = line.substring(0, eq).strip();
      String value = line.substring(eq + 1).strip();
      if (!known.contains(key)) {
        throw invalidInput(
            OPTION, where + ": unknown key '" + key + "'" + NearestName.suggestion(key, known));
      }
      if (values.containsKey(key)) {
        throw invalidInput(OPTION, where + ": '" + key + "' is set twice");
      }
      values.put(key, value);
    }
    refuseSecretsOthersCanRead(file, values);
    return values;
  }

  /**
   * A file that holds a secret must be readable by its owner only. Checked where the file system
   * has POSIX permissions; elsewhere (NTFS) the folder's access list is the file's guard.
   */
  private static void refuseSecretsOthersCanRead(Path file, Map<String, String> values) {
    String secret =
        values.keySet().stream()
            .filter(key -> SECRET_KEYS.contains(key) && !values.get(key).isEmpty())
            .findFirst()
            .orElse(
                values.containsKey("proxy") && hasUserInfo(values.get("proxy")) ? "proxy" : null);
    if (secret == null) {
      return;
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException notPosix) {
      return;
    } catch (IOException | SecurityException e) {
      throw invalidInput(OPTION, "cannot read the permissions of " + file);
    }
    Set<PosixFilePermission> others =
        EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE);
    others.retainAll(permissions);
    if (!others.isEmpty()) {
      throw invalidInput(
          OPTION,
          file
              + " holds '"
              + secret
              + "' but other users can read or change it ("
              + PosixFilePermissions.toString(permissions)
              + "); run 'chmod 600 "
              + file
              + "', or keep the secret in --secret-access-key-file or the environment");
    }
  }

  private static boolean hasUserInfo(String url) {
    int scheme = url.indexOf("://");
    int at = url.indexOf('@');
    int slash = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
    return at > 0 && (slash < 0 || at < slash);
  }

  private static Set<String> knownKeys(CommandSpec command) {
    Set<String> keys = new java.util.TreeSet<>();
    for (OptionSpec option : command.options()) {
      String name = option.longestName();
      if (name.startsWith("--")
          && !option.usageHelp()
          && !option.versionHelp()
          && !name.equals(OPTION)) {
        keys.add(name.substring(2));
      }
    }
    return keys;
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
