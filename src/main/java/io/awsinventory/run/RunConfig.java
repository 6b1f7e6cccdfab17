package io.awsinventory.run;

import io.awsinventory.auth.AccessSpec;
import io.awsinventory.auth.CredentialsSpec;
import io.awsinventory.auth.RoleHop;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.collect.SyncLocation;
import io.awsinventory.output.CsvStyle;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.transport.CaBundle;
import io.awsinventory.transport.ProxySettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Everything one run needs, validated and immutable. Built by the command line layer; read by the
 * rest of the tool, which never sees picocli.
 *
 * @param credentials where the base credentials come from
 * @param access the role chains and the accounts to reach through them
 * @param homeRegion where STS and DescribeRegions are called; sets the partition
 * @param regions the regions asked for; empty means every region enabled for the account
 * @param resources the resource types to collect, in registry (file) order
 * @param inventorySync the Resource Data Sync installed software is read from, or null to read it
 *     from each account's Systems Manager API
 * @param format the output file format
 * @param outputDir the folder the files are written to
 * @param tagColumns tag keys that get a {@code Tag:KEY} column in CSV
 * @param endpointUrl one endpoint for every service, or null for AWS's own
 * @param proxy the HTTP proxy every call goes through, or null for direct connections
 * @param caBundle the certificates TLS connections are verified against, or null for the JVM's
 * @param concurrency how many account x region targets are worked on at once, and the most calls in
 *     flight toward one endpoint host (the number of calls adapts below it)
 * @param maxRate calls a second per account x region x API, client-side; 0 for no limit
 * @param attemptTimeout how long one attempt of an AWS call may take before it is cut and retried
 * @param csv how CSV files are written (formula escaping, byte-order mark)
 * @param quiet no progress lines
 */
public record RunConfig(
    CredentialsSpec credentials,
    AccessSpec access,
    String homeRegion,
    List<String> regions,
    List<ResourceType> resources,
    SyncLocation inventorySync,
    OutputFormat format,
    Path outputDir,
    List<String> tagColumns,
    URI endpointUrl,
    ProxySettings proxy,
    CaBundle caBundle,
    int concurrency,
    int maxRate,
    Duration attemptTimeout,
    CsvStyle csv,
    boolean quiet,
    int carryForwardDays) {

  /** The days a record not read again is carried forward, unless given. */
  public static final int DEFAULT_CARRY_FORWARD_DAYS = 7;

  public RunConfig {
    regions = List.copyOf(regions);
    resources = List.copyOf(new TreeSet<>(resources));
    tagColumns = List.copyOf(tagColumns);
  }

  /** This configuration with where and how the files are written. */
  public RunConfig withOutput(
      OutputFormat format,
      Path outputDir,
      List<String> tagColumns,
      CsvStyle csv,
      boolean quiet,
      int carryForwardDays) {
    return new RunConfig(
        credentials,
        access,
        homeRegion,
        regions,
        resources,
        inventorySync,
        format,
        outputDir,
        tagColumns,
        endpointUrl,
        proxy,
        caBundle,
        concurrency,
        maxRate,
        attemptTimeout,
        csv,
        quiet,
        carryForwardDays);
  }

  /** The options as recorded in the run summary: secrets replaced, the access key id shortened. */
  public Map<String, Object> describeForSummary() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("credentials", credentials.describe());
    if (credentials.accessKeyId() != null) {
      options.put("access-key-id", maskKeyId(credentials.accessKeyId()));
      options.put("credential-sources", credentials.sources());
    }
    if (!access.masterChain().isEmpty()) {
      options.put("assume-role-arn", access.masterChain().stream().map(RoleHop::roleArn).toList());
      options.put(
          "external-id",
          access.masterChain().stream().map(h -> h.externalId() == null ? "none" : "set").toList());
    }
    options.put("role-session-name", access.sessionName());
    options.put("role-duration-seconds", access.durationSeconds());
    options.put("list-accounts", access.listAccounts());
    if (!access.organizationalUnits().isEmpty()) {
      options.put("organizational-unit", access.organizationalUnits());
    }
    if (access.reachesOtherAccounts()) {
      options.put("member-role-arn", access.memberRoles().templates());
    }
    if (!access.scope().accounts().isEmpty()) {
      options.put("accounts", access.scope().accounts().stream().sorted().toList());
    }
    if (!access.scope().excludeAccounts().isEmpty()) {
      options.put("exclude-accounts", access.scope().excludeAccounts().stream().sorted().toList());
    }
    if (!access.scope().shard().isAll()) {
      options.put("shard", access.scope().shard().toString());
    }
    options.put("home-region", homeRegion);
    options.put("regions", regions.isEmpty() ? "all enabled" : String.join(",", regions));
    options.put("resources", resources.stream().map(ResourceType::name).toList());
    if (inventorySync != null) {
      options.put("inventory-sync", inventorySync.toString());
    }
    if (format != null) {
      options.put("format", format.extension());
      options.put("output-dir", outputDir.toString());
      options.put("tag-columns", tagColumns);
    }
    if (endpointUrl != null) {
      options.put("endpoint-url", endpointUrl.toString());
    }
    if (proxy != null) {
      options.put("proxy", proxy.describe());
      if (!proxy.noProxy().isEmpty()) {
        options.put("no-proxy", proxy.noProxy());
      }
    }
    if (caBundle != null) {
      options.put("ca-bundle", caBundle.file().toString());
    }
    options.put("concurrency", concurrency);
    options.put("max-rate", maxRate);
    options.put("timeout", attemptTimeout.toSeconds());
    options.put("csv-escape-formulas", csv.escapeFormulas());
    options.put("csv-bom", csv.byteOrderMark());
    if (format != null) {
      options.put("carry-forward-days", carryForwardDays);
    }
    return options;
  }

  static String maskKeyId(String keyId) {
    return keyId.length() <= 8
        ? "****"
        : keyId.substring(0, 4) + "****" + keyId.substring(keyId.length() - 4);
  }
}
