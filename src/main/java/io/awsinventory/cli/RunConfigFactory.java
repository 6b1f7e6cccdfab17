package io.awsinventory.cli;

import static io.awsinventory.InventoryException.invalidInput;

import io.awsinventory.Secrets;
import io.awsinventory.auth.CredentialsSpec;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.collect.ResourceTypes;
import io.awsinventory.discovery.Partitions;
import io.awsinventory.fanout.CaBundle;
import io.awsinventory.fanout.ProxySettings;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.run.RunConfig;
import java.io.Console;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Validates the options and the environment into a {@link RunConfig}. Every problem is reported as
 * one line naming the option, before any AWS call.
 */
final class RunConfigFactory {
  static final int DEFAULT_CONCURRENCY = 32;
  static final int MAX_CONCURRENCY = 256;
  static final int DEFAULT_TIMEOUT_SECONDS = 60;
  static final String DEFAULT_OUTPUT_DIR = "aws-inventory-output";
  static final String DEFAULT_HOME_REGION = "us-east-1";

  private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Z0-9]{16,128}");
  private static final Pattern TAG_KEY = Pattern.compile("[^\\p{Cntrl}]{1,128}");

  /** Asks the operator for a secret; empty when there is nobody to ask. */
  @FunctionalInterface
  interface SecretPrompt {
    Optional<String> ask(String prompt);

    static SecretPrompt console() {
      return prompt -> {
        Console console = System.console();
        if (console == null) {
          return Optional.empty();
        }
        char[] secret = console.readPassword("%s", prompt);
        return secret == null ? Optional.empty() : Optional.of(new String(secret));
      };
    }
  }

  private final Map<String, String> env;
  private final SecretPrompt prompt;

  RunConfigFactory(Map<String, String> env, SecretPrompt prompt) {
    this.env = env;
    this.prompt = prompt;
  }

  RunConfig build(
      CredentialOptions credentials, RoleOptions roles, ScopeOptions scope, OutputOptions output) {
    if (output.quiet && output.verbose) {
      throw invalidInput("--quiet", "cannot be combined with --verbose");
    }
    // the output folder is made last, once every other option has been found valid
    return buildForCheck(credentials, roles, scope)
        .withOutput(
            format(output.format),
            outputDir(output.outputDir),
            tagColumns(output.tagColumns),
            output.csvEscapeFormulas,
            output.quiet);
  }

  /** The options of {@code check}: no output folder or file format. */
  RunConfig buildForCheck(CredentialOptions credentials, RoleOptions roles, ScopeOptions scope) {
    String homeRegion = homeRegion(scope.homeRegion);
    String partition = Partitions.partitionOf(homeRegion);
    return new RunConfig(
        credentials(credentials, partition),
        AccessValidation.build(roles, partition),
        homeRegion,
        regions(scope.regions, homeRegion),
        resources(scope.resources),
        null,
        null,
        List.of(),
        endpoint(scope.endpointUrl),
        proxy(scope.proxy),
        caBundle(scope.caBundle),
        concurrency(scope.concurrency),
        timeout(scope.timeoutSeconds),
        false,
        true);
  }

  CredentialsSpec credentials(CredentialOptions options, String partition) {
    if (options.webIdentityTokenFile != null || options.webIdentityRoleArn != null) {
      return webIdentity(options, partition);
    }
    if (options.accessKeyId == null) {
      if (options.secretAccessKey != null || options.secretAccessKeyFile != null) {
        throw invalidInput(
            options.secretAccessKey != null ? "--secret-access-key" : "--secret-access-key-file",
            "needs --access-key-id");
      }
      if (options.sessionToken != null) {
        throw invalidInput("--session-token", "needs --access-key-id and a secret access key");
      }
      return new CredentialsSpec(
          null, null, null, blankToNull(options.profile, "--profile"), null, null);
    }
    if (options.profile != null) {
      throw invalidInput("--profile", "cannot be combined with --access-key-id");
    }
    String keyId = options.accessKeyId.strip();
    if (!ACCESS_KEY_ID.matcher(keyId).matches()) {
      throw invalidInput(
          "--access-key-id", "is not an access key id (16 or more capital letters and digits)");
    }
    if (options.secretAccessKey != null && options.secretAccessKeyFile != null) {
      throw invalidInput("--secret-access-key", "cannot be combined with --secret-access-key-file");
    }
    String secret = secret(options);
    Secrets.register(secret);
    String token = options.sessionToken;
    if (token != null) {
      token = token.strip();
      if (token.isEmpty()) {
        throw invalidInput("--session-token", "is empty");
      }
      Secrets.register(token);
    }
    return new CredentialsSpec(keyId, secret, token, null, null, null);
  }

  private static CredentialsSpec webIdentity(CredentialOptions options, String partition) {
    if (options.webIdentityTokenFile == null) {
      throw invalidInput("--web-identity-role-arn", "needs --web-identity-token-file");
    }
    if (options.webIdentityRoleArn == null) {
      throw invalidInput("--web-identity-token-file", "needs --web-identity-role-arn");
    }
    if (options.accessKeyId != null || options.profile != null) {
      throw invalidInput(
          "--web-identity-token-file", "cannot be combined with --access-key-id or --profile");
    }
    if (!Files.isReadable(options.webIdentityTokenFile)) {
      throw invalidInput(
          "--web-identity-token-file", "cannot read " + options.webIdentityTokenFile);
    }
    String arn =
        AccessValidation.roleArn(options.webIdentityRoleArn, "--web-identity-role-arn", partition);
    return new CredentialsSpec(
        null, null, null, null, options.webIdentityTokenFile.toString(), arn);
  }

  private String secret(CredentialOptions options) {
    String secret;
    String source;
    if (options.secretAccessKey != null) {
      secret = options.secretAccessKey;
      source = "--secret-access-key";
    } else if (options.secretAccessKeyFile != null) {
      source = "--secret-access-key-file";
      secret = readFirstLine(options.secretAccessKeyFile, source);
    } else if (env.get("AWS_SECRET_ACCESS_KEY") != null) {
      secret = env.get("AWS_SECRET_ACCESS_KEY");
      source = "AWS_SECRET_ACCESS_KEY";
    } else {
      source = "--secret-access-key";
      secret =
          prompt
              .ask("Secret access key: ")
              .orElseThrow(
                  () ->
                      invalidInput(
                          "--access-key-id",
                          "needs a secret access key: give --secret-access-key-file, set"
                              + " AWS_SECRET_ACCESS_KEY, or run in a terminal to be asked"));
    }
    secret = secret.strip();
    if (secret.isEmpty()) {
      throw invalidInput(source, "the secret access key is empty");
    }
    return secret;
  }

  private static String readFirstLine(Path file, String option) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return lines.isEmpty() ? "" : lines.get(0);
    } catch (java.nio.file.NoSuchFileException e) {
      throw invalidInput(option, "no such file: " + file);
    } catch (java.nio.file.AccessDeniedException | SecurityException e) {
      throw invalidInput(option, "permission denied reading " + file);
    } catch (IOException e) {
      throw invalidInput(option, "cannot read " + file);
    }
  }

  String homeRegion(String option) {
    String value = option;
    String source = "--home-region";
    if (value == null) {
      value = firstNonBlank(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"));
      source = env.get("AWS_REGION") != null ? "AWS_REGION" : "AWS_DEFAULT_REGION";
    }
    if (value == null) {
      return DEFAULT_HOME_REGION;
    }
    value = value.strip();
    if (!Partitions.isKnownRegion(value)) {
      throw invalidInput(source, "'" + value + "' is not a known AWS region");
    }
    return value;
  }

  List<String> regions(List<String> option, String homeRegion) {
    List<String> values = option;
    String source = "--regions";
    if (values == null && env.get("AWS_REGIONS") != null) {
      values = Arrays.asList(env.get("AWS_REGIONS").split(",", -1));
      source = "AWS_REGIONS";
    }
    if (values == null) {
      return List.of();
    }
    String partition = Partitions.partitionOf(homeRegion);
    Set<String> regions = new LinkedHashSet<>();
    for (String raw : values) {
      String region = raw.strip();
      if (region.isEmpty()) {
        continue;
      }
      if (!Partitions.isWellFormedRegion(region)) {
        throw invalidInput(source, "'" + region + "' is not a region name (like eu-west-1)");
      }
      if (!Partitions.isKnownRegion(region)) {
        throw invalidInput(source, "'" + region + "' is not a known AWS region");
      }
      if (!Partitions.partitionOf(region).equals(partition)) {
        throw invalidInput(
            source,
            "'"
                + region
                + "' is not in partition "
                + partition
                + " of home region "
                + homeRegion
                + "; set --home-region to a region of its partition");
      }
      regions.add(region);
    }
    return new ArrayList<>(regions);
  }

  static List<ResourceType> resources(List<String> option) {
    if (option == null || option.stream().allMatch(String::isBlank)) {
      return ResourceTypes.defaults();
    }
    Set<ResourceType> types = new TreeSet<>();
    for (String raw : option) {
      String name = raw.strip();
      if (name.isEmpty()) {
        continue;
      }
      if (name.equals(ResourceNames.ALL)) {
        types.addAll(ResourceTypes.all());
        continue;
      }
      types.add(
          ResourceTypes.named(name)
              .orElseThrow(
                  () ->
                      invalidInput(
                          "--resources",
                          "unknown resource type '"
                              + name
                              + "' (expected "
                              + String.join(", ", new ResourceNames())
                              + ")")));
    }
    return List.copyOf(types);
  }

  static OutputFormat format(String option) {
    if (option == null) {
      return OutputFormat.JSON;
    }
    return OutputFormat.fromName(option.strip().toLowerCase(java.util.Locale.ROOT))
        .orElseThrow(
            () ->
                invalidInput(
                    "--format", "unknown format '" + option + "' (expected json, jsonl or csv)"));
  }

  static Path outputDir(String option) {
    String value = option == null ? DEFAULT_OUTPUT_DIR : option;
    if (value.isBlank()) {
      throw invalidInput("--output-dir", "is empty");
    }
    Path dir;
    try {
      dir = Path.of(value).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw invalidInput("--output-dir", "'" + value + "' is not a valid path");
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw invalidInput("--output-dir", dir + " exists and is not a folder");
    }
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".aws-inventory-probe-", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw invalidInput("--output-dir", "cannot write to " + dir);
    }
    return dir;
  }

  static List<String> tagColumns(List<String> option) {
    if (option == null) {
      return List.of();
    }
    Set<String> keys = new LinkedHashSet<>();
    for (String raw : option) {
      String key = raw.strip();
      if (key.isEmpty()) {
        continue;
      }
      if (!TAG_KEY.matcher(key).matches()) {
        throw invalidInput("--tag-columns", "'" + key + "' is not a tag key");
      }
      keys.add(key);
    }
    return new ArrayList<>(keys);
  }

  static URI endpoint(String option) {
    if (option == null) {
      return null;
    }
    try {
      URI uri = new URI(option.strip());
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        throw invalidInput("--endpoint-url", "'" + option + "' is not an http(s) URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw invalidInput("--endpoint-url", "'" + option + "' is not a URL");
    }
  }

  /** {@code --proxy}, else {@code HTTPS_PROXY}; with {@code NO_PROXY}. */
  ProxySettings proxy(String option) {
    String source = "--proxy";
    String value = option;
    if (value == null) {
      source = env.get("HTTPS_PROXY") != null ? "HTTPS_PROXY" : "https_proxy";
      value = env.get(source);
    }
    if (value == null || (option == null && value.isBlank())) {
      return null;
    }
    String noProxy = firstNonNull(env.get("NO_PROXY"), env.get("no_proxy"));
    ProxySettings proxy;
    try {
      proxy = ProxySettings.parse(value, noProxy);
    } catch (IllegalArgumentException e) {
      throw invalidInput(source, e.getMessage());
    }
    Secrets.register(proxy.password());
    return proxy;
  }

  /** {@code --ca-bundle}, else {@code AWS_CA_BUNDLE}. */
  CaBundle caBundle(Path option) {
    String source = "--ca-bundle";
    Path file = option;
    if (file == null && env.get("AWS_CA_BUNDLE") != null && !env.get("AWS_CA_BUNDLE").isBlank()) {
      source = "AWS_CA_BUNDLE";
      file = Path.of(env.get("AWS_CA_BUNDLE"));
    }
    if (file == null) {
      return null;
    }
    try {
      return CaBundle.read(file);
    } catch (IllegalArgumentException e) {
      throw invalidInput(source, e.getMessage());
    }
  }

  private static String firstNonNull(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  static java.time.Duration timeout(Integer option) {
    if (option == null) {
      return java.time.Duration.ofSeconds(DEFAULT_TIMEOUT_SECONDS);
    }
    if (option < 1 || option > 3600) {
      throw invalidInput("--timeout", "must be between 1 and 3600 seconds, got " + option);
    }
    return java.time.Duration.ofSeconds(option);
  }

  static int concurrency(Integer option) {
    if (option == null) {
      return DEFAULT_CONCURRENCY;
    }
    if (option < 1 || option > MAX_CONCURRENCY) {
      throw invalidInput(
          "--concurrency", "must be between 1 and " + MAX_CONCURRENCY + ", got " + option);
    }
    return option;
  }

  private static String blankToNull(String value, String option) {
    if (value == null) {
      return null;
    }
    if (value.isBlank()) {
      throw invalidInput(option, "is empty");
    }
    return value.strip();
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
