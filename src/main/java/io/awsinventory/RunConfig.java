package io.awsinventory;

import io.awsinventory.auth.MemberRoles;
import io.awsinventory.auth.RoleHop;
import io.awsinventory.discovery.Shard;
import io.awsinventory.fanout.CaBundle;
import io.awsinventory.fanout.ProxySettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one run needs, validated and immutable. Built by the command line layer; read by the
 * rest of the tool, which never sees picocli.
 *
 * @param credentials where the base credentials come from
 * @param access the role chains and the accounts to reach through them
 * @param homeRegion where STS and DescribeRegions are called; sets the partition
 * @param regions the regions asked for; empty means every region enabled for the account
 * @param resources the resource types to collect, in file order
 * @param format the output file format
 * @param outputDir the folder the files are written to
 * @param tagColumns tag keys that get a {@code Tag:KEY} column in CSV
 * @param endpointUrl one endpoint for every service, or null for AWS's own
 * @param proxy the HTTP proxy every call goes through, or null for direct connections
 * @param caBundle the certificates TLS connections are verified against, or null for the JVM's
 * @param concurrency how many account x region x resource tasks run at once
 * @param attemptTimeout how long one attempt of an AWS call may take before it is cut and retried
 * @param csvEscapeFormulas whether CSV cells that a spreadsheet would run as a formula are prefixed
 * @param quiet no progress lines
 */
public record RunConfig(
    CredentialsSpec credentials,
    AccessSpec access,
    String homeRegion,
    List<String> regions,
    Set<ResourceType> resources,
    OutputFormat format,
    Path outputDir,
    List<String> tagColumns,
    URI endpointUrl,
    ProxySettings proxy,
    CaBundle caBundle,
    int concurrency,
    Duration attemptTimeout,
    boolean csvEscapeFormulas,
    boolean quiet) {

  public RunConfig {
    regions = List.copyOf(regions);
    resources = Set.copyOf(resources);
    tagColumns = List.copyOf(tagColumns);
  }

  /** This configuration with where and how the files are written. */
  public RunConfig withOutput(
      OutputFormat format,
      Path outputDir,
      List<String> tagColumns,
      boolean csvEscapeFormulas,
      boolean quiet) {
    return new RunConfig(
        credentials,
        access,
        homeRegion,
        regions,
        resources,
        format,
        outputDir,
        tagColumns,
        endpointUrl,
        proxy,
        caBundle,
        concurrency,
        attemptTimeout,
        csvEscapeFormulas,
        quiet);
  }

  /**
   * How the run reaches its accounts.
   *
   * @param masterChain roles assumed in order from the base credentials
   * @param memberRoles the chain assumed from the last master hop into each other account
   * @param session session name and duration of every hop
   * @param listAccounts whether the accounts come from Organizations
   * @param organizationalUnits OU (or root) subtrees the listing is limited to; empty for all
   * @param accounts accounts to collect (with listAccounts: a filter); empty for all
   * @param excludeAccounts accounts never collected
   * @param shard the slice of the account list this run collects
   */
  public record AccessSpec(
      List<RoleHop> masterChain,
      MemberRoles memberRoles,
      String sessionName,
      int durationSeconds,
      boolean listAccounts,
      List<String> organizationalUnits,
      Set<String> accounts,
      Set<String> excludeAccounts,
      Shard shard) {

    public AccessSpec {
      masterChain = List.copyOf(masterChain);
      organizationalUnits = List.copyOf(organizationalUnits);
      accounts = Set.copyOf(accounts);
      excludeAccounts = Set.copyOf(excludeAccounts);
    }

    /** Whether member accounts are reached through member roles. */
    public boolean reachesOtherAccounts() {
      return listAccounts || !accounts.isEmpty();
    }
  }

  /** The base credentials as asked for; secrets are held here and nowhere else. */
  public record CredentialsSpec(
      String accessKeyId,
      String secretAccessKey,
      String sessionToken,
      String profile,
      String webIdentityTokenFile,
      String webIdentityRoleArn) {

    public static CredentialsSpec defaultChain() {
      return new CredentialsSpec(null, null, null, null, null, null);
    }

    public boolean isStaticKeys() {
      return accessKeyId != null;
    }

    public String describe() {
      if (isStaticKeys()) {
        return sessionToken != null ? "static keys with session token" : "static keys";
      }
      if (profile != null) {
        return "profile " + profile;
      }
      if (webIdentityTokenFile != null) {
        return "web identity for " + webIdentityRoleArn;
      }
      return "default credential chain";
    }

    @Override
    public String toString() {
      return describe();
    }
  }

  /** The options as recorded in the run summary: secrets replaced, the access key id shortened. */
  public Map<String, Object> describeForSummary() {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("credentials", credentials.describe());
    if (credentials.accessKeyId() != null) {
      options.put("access-key-id", maskKeyId(credentials.accessKeyId()));
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
    if (!access.accounts().isEmpty()) {
      options.put("accounts", access.accounts().stream().sorted().toList());
    }
    if (!access.excludeAccounts().isEmpty()) {
      options.put("exclude-accounts", access.excludeAccounts().stream().sorted().toList());
    }
    if (!access.shard().isAll()) {
      options.put("shard", access.shard().toString());
    }
    options.put("home-region", homeRegion);
    options.put("regions", regions.isEmpty() ? "all enabled" : String.join(",", regions));
    options.put("resources", resources.stream().sorted().map(ResourceType::optionName).toList());
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
    options.put("timeout", attemptTimeout.toSeconds());
    options.put("csv-escape-formulas", csvEscapeFormulas);
    return options;
  }

  static String maskKeyId(String keyId) {
    return keyId.length() <= 8
        ? "****"
        : keyId.substring(0, 4) + "****" + keyId.substring(keyId.length() - 4);
  }
}
