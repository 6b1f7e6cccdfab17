package io.awsinventory.cli;

import static io.awsinventory.InventoryException.invalidInput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --config FILE}: every long option as {@code name = value}, named without its dashes, one
 * per line, {@code #} starting a comment. The file's values go in front of the command line's, so
 * the command line wins; options the file and the command line both leave out fall back to the
 * environment.
 */
final class ConfigFile {
  static final String OPTION = "--config";

  /** Keys whose values are secrets: a file holding one must be private to its owner. */
  static final Set<String> SECRET_KEYS = Set.of("secret-access-key", "session-token");

  private ConfigFile() {}

  /** The arguments with the config file's options put before those given on the command line. */
  static String[] expand(String[] args, CommandSpec command) {
    int at = -1;
    String file = null;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(OPTION)) {
        if (i + 1 >= args.length) {
          throw invalidInput(OPTION, "needs a file name");
        }
        at = i;
        file = args[i + 1];
      } else if (args[i].startsWith(OPTION + "=")) {
        at = i;
        file = args[i].substring(OPTION.length() + 1);
      }
    }
    if (file == null) {
      return args;
    }
    List<String> rest = new ArrayList<>(List.of(args));
    rest.remove(at);
    if (!args[at].contains("=")) {
      rest.remove(at);
    }
    Map<String, String> values = read(Path.of(file), command);
    List<String> expanded = new ArrayList<>();
    int commandAt = firstPositional(rest);
    expanded.addAll(rest.subList(0, commandAt + 1));
    values.forEach(
        (key, value) -> {
          String option = "--" + key;
          if (given(rest, option)) {
            return;
          }
          OptionSpec spec = command.findOption(option);
          if (spec.typeInfo().isBoolean()) {
            if (parseBoolean(key, value)) {
              expanded.add(option);
            }
          } else {
            expanded.add(option + "=" + value);
          }
        });
    expanded.addAll(rest.subList(commandAt + 1, rest.size()));
    return expanded.toArray(String[]::new);
  }

  private static int firstPositional(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      if (!args.get(i).startsWith("-")) {
        return i;
      }
    }
    return -1;
  }

  private static boolean given(List<String> args, String option) {
    return args.stream().anyMatch(a -> a.equals(option) || a.startsWith(option + "="));
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
        throw invalidInput(OPTION, where + ": unknown key '" + key + "'" + suggestion(key, known));
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

  /** " (did you mean 'regions'?)" for the nearest known key, when one is near. */
  static String suggestion(String key, Set<String> known) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : known) {
      int distance = distance(key, candidate);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best != null && bestDistance <= Math.max(2, key.length() / 3)
        ? " (did you mean '" + best + "'?)"
        : "";
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
