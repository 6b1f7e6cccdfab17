package io.awsinventory.cli;

import static io.awsinventory.InventoryException.invalidInput;

import io.awsinventory.auth.ProfileRoles;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.collect.ResourceTypes;
import io.awsinventory.discovery.Partitions;
import io.awsinventory.output.CsvStyle;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.run.RunConfig;
import io.awsinventory.transport.RateLimits;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validates the options and the environment into a {@link RunConfig}. Every problem is reported as
 * one line naming the option, before any AWS call.
 */
final class RunConfigFactory {
  static final int DEFAULT_CONCURRENCY = 64;
  static final int MAX_CONCURRENCY = 256;
  static final int DEFAULT_TIMEOUT_SECONDS = 60;
  static final String DEFAULT_HOME_REGION = "us-east-1";

  private final Map<String, String> env;
  private final CredentialValidation credentials;
  private final NetworkValidation network;

  RunConfigFactory(Map<String, String> env, CredentialValidation.SecretPrompt prompt) {
    this.env = env;
    this.credentials = new CredentialValidation(env, prompt);
    this.network = new NetworkValidation(env);
  }

  /** The environment options are read from where the command line leaves them out. */
  Map<String, String> env() {
    return env;
  }

  RunConfig build(
      CredentialOptions credentials,
      RoleOptions roles,
      ScopeOptions scope,
      OutputOptions output,
      LoggingOptions logging) {
    // the output folder is made last, once every other option has been found valid
    return buildForCheck(credentials, roles, scope)
        .withOutput(
            output.format == null ? OutputFormat.JSON : output.format,
            OutputValidation.outputDir(output.outputDir),
            OutputValidation.tagColumns(output.tagColumns),
            new CsvStyle(output.csvEscapeFormulas, output.csvBom),
            logging.quiet(),
            new OutputValidation(env).carryForwardDays(output.carryForwardDays));
  }

  /** The options of {@code check}: no output folder or file format. */
  RunConfig buildForCheck(CredentialOptions credentials, RoleOptions roles, ScopeOptions scope) {
    String homeRegion = homeRegion(scope.target.homeRegion, credentials.profile());
    String partition = Partitions.partitionOf(homeRegion);
    return new RunConfig(
        this.credentials.credentials(credentials, partition),
        AccessValidation.build(roles, partition),
        homeRegion,
        regions(scope.regions, homeRegion),
        resources(scope.target.resources),
        InventorySyncOption.location(scope.target),
        null,
        null,
        List.of(),
        NetworkValidation.endpoint(scope.endpointUrl),
        network.proxy(scope.proxy),
        network.caBundle(scope.caBundle),
        concurrency(scope.concurrency),
        maxRate(scope.maxRate),
        timeout(scope.timeoutSeconds),
        CsvStyle.PLAIN,
        true,
        0);
  }

  /**
   * {@code --home-region}, else {@code AWS_REGION} or {@code AWS_DEFAULT_REGION}, else the {@code
   * region} of the profile in use (as the AWS CLI reads it), else us-east-1.
   */
  String homeRegion(String option, String profile) {
    String value = option;
    String source = "--home-region";
    if (value == null) {
      value = firstNonBlank(env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"));
      source = env.get("AWS_REGION") != null ? "AWS_REGION" : "AWS_DEFAULT_REGION";
    }
    if (value == null) {
      String name = profile != null ? profile : firstNonBlank(env.get("AWS_PROFILE"), "default");
      value = ProfileRoles.region(name).orElse(null);
      source = "the region of profile " + name;
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
      String value = env.get("AWS_REGIONS");
      if (value.isBlank()) {
        throw invalidInput("AWS_REGIONS", "is empty; unset it to collect every enabled region");
      }
      values = Arrays.asList(value.split(",", -1));
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
        throw invalidInput(source, "has an empty entry in '" + String.join(",", values) + "'");
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

  static int maxRate(Integer option) {
    if (option == null) {
      return RateLimits.DEFAULT_PER_SECOND;
    }
    if (option < 0 || option > MAX_RATE) {
      throw invalidInput(
          "--max-rate", "must be between 0 (no limit) and " + MAX_RATE + ", got " + option);
    }
    return option;
  }

  static final int MAX_RATE = 10_000;

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return null;
  }
}
