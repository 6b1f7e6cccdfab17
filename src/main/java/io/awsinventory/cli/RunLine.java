package io.awsinventory.cli;

import io.awsinventory.ExitCode;
import io.awsinventory.Secrets;
import io.awsinventory.transport.ProxySettings;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The first and last lines a run writes to its log file: which tool, command and options (secrets
 * masked); and how it ended, with what it collected.
 */
final class RunLine {
  /** Options whose values are secrets: shown as {@code ****}. */
  private static final Set<String> SECRET_OPTIONS =
      Set.of("--secret-access-key", "--session-token");

  /** Options whose values are URLs that may carry a user and password. */
  private static final Set<String> URL_OPTIONS = Set.of("--proxy", "--endpoint-url");

  private RunLine() {}

  /** "aws-inventory 0.1.0 collect --regions=eu-west-1 --secret-access-key=****". */
  static String opening(String version, ParseResult parseResult) {
    ParseResult command = parseResult;
    StringBuilder line = new StringBuilder("aws-inventory ").append(version);
    while (command.subcommand() != null) {
      command = command.subcommand();
      line.append(' ').append(command.commandSpec().name());
    }
    for (OptionSpec option : command.matchedOptions()) {
      line.append(' ').append(option.longestName());
      if (option.arity().max() > 0 && !option.originalStringValues().isEmpty()) {
        line.append('=').append(shown(option));
      }
    }
    return Secrets.redact(line.toString());
  }

  private static String shown(OptionSpec option) {
    String name = option.longestName();
    if (SECRET_OPTIONS.contains(name)) {
      return "****";
    }
    String value = String.join(",", option.originalStringValues());
    if (name.equals("--access-key-id")) {
      return value.length() <= 8 ? "****" : value.substring(0, 4) + "****";
    }
    if (URL_OPTIONS.contains(name)) {
      // user and password of a URL, however the URL is spelled, parseable or not
      return ProxySettings.redact(value);
    }
    return value;
  }

  /** "aws-inventory: exit 3 (partial): 2120 records; 48 ok, 2 denied, ...". */
  static String closing(int code, String totals) {
    String meaning =
        Arrays.stream(ExitCode.values())
            .filter(c -> c.code() == code)
            .map(c -> c.name().toLowerCase(java.util.Locale.ROOT))
            .collect(Collectors.joining());
    return "aws-inventory: exit "
        + code
        + (meaning.isEmpty() ? "" : " (" + meaning + ")")
        + (totals == null ? "" : ": " + totals);
  }
}
