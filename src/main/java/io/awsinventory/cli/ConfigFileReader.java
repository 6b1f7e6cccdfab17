package io.awsinventory.cli;

import static io.awsinventory.InventoryException.invalidInput;

import io.awsinventory.Printable;
import io.awsinventory.SmallFiles;
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
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Reads a config file: {@code name = value} lines named by the long options, {@code #} comments
 * (whole lines, or after a blank), values in quotes unquoted, a UTF-8 byte-order mark ignored; and
 * refuses a file that holds a secret when others can read it.
 */
final class ConfigFileReader {
  static final String OPTION = ConfigFile.OPTION;

  /** Keys whose values are secrets: a file holding one must be private to its owner. */
  static final Set<String> SECRET_KEYS = Set.of("secret-access-key", "session-token");

  private static final String BYTE_ORDER_MARK = "\uFEFF";

  private ConfigFileReader() {}

  static Map<String, String> read(Path file, CommandSpec command) {
    List<String> lines;
    try {
      lines = new String(SmallFiles.read(file), StandardCharsets.UTF_8).lines().toList();
    } catch (NoSuchFileException e) {
      throw invalidInput(OPTION, "no such file: " + file);
    } catch (SmallFiles.TooLargeException e) {
      throw invalidInput(OPTION, e.getMessage());
    } catch (IOException | SecurityException e) {
      throw invalidInput(OPTION, "cannot read " + file);
    }
    Map<String, OptionSpec> known = knownKeys(command);
    Map<String, String> values = new LinkedHashMap<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      if (n == 0 && line.startsWith(BYTE_ORDER_MARK)) {
        // Windows editors start a UTF-8 file with one
        line = line.substring(1);
      }
      line = withoutComment(line).strip();
      if (line.isEmpty()) {
        continue;
      }
      int eq = line.indexOf('=');
      String where = file.getFileName() + " line " + (n + 1);
      if (eq <= 0) {
        throw invalidInput(OPTION, where + ": expected 'name = value'");
      }
      String key = line.substring(0, eq).strip();
      String value = unquoted(line.substring(eq + 1).strip());
      if (!known.containsKey(key)) {
        throw invalidInput(
            OPTION,
            where
                + ": unknown key '"
                + Printable.escape(key)
                + "'"
                + NearestName.suggestion(key, known.keySet()));
      }
      OptionSpec option = known.get(key);
      if (!option.typeInfo().isBoolean() && option.arity().max() > 0) {
        OptionValues.refuseEmpty(option, value, OPTION + ": " + where + ": '" + key + "'");
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
   * The line without a comment: a {@code #} that starts the line, or follows a blank outside quotes
   * ({@code regions = eu-west-1 # Ireland}); a {@code #} inside a value stays.
   */
  static String withoutComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  /** A value in matching double or single quotes, without them: paths with blanks. */
  static String unquoted(String value) {
    if (value.length() >= 2
        && (value.charAt(0) == '"' || value.charAt(0) == '\'')
        && value.charAt(value.length() - 1) == value.charAt(0)) {
      return value.substring(1, value.length() - 1);
    }
    return value;
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

  /**
   * The keys a config file may hold: the long options of every command that reads one, so one file
   * serves them all; a command uses the keys it has options for and passes over the rest.
   */
  private static Map<String, OptionSpec> knownKeys(CommandSpec command) {
    Map<String, OptionSpec> keys = new java.util.TreeMap<>();
    for (picocli.CommandLine sub : command.root().subcommands().values()) {
      if (sub.getCommandSpec().findOption(OPTION) == null) {
        continue;
      }
      for (OptionSpec option : sub.getCommandSpec().options()) {
        String name = option.longestName();
        String key = ConfigFile.key(sub.getCommandSpec(), option);
        if (name.startsWith("--")
            && key != null
            && !option.usageHelp()
            && !option.versionHelp()
            && !name.equals(OPTION)) {
          keys.putIfAbsent(key, option);
        }
      }
    }
    return keys;
  }
}
