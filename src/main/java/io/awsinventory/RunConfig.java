package io.awsinventory;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one run needs, validated and immutable. Built by the command line layer; read by the
 * rest of the tool, which never sees picocli.
 *
 * @param credentials where the base credentials come from
 * @param homeRegion where STS and DescribeRegions are called; sets the partition
 * @param regions the regions asked for; empty means every region enabled for the account
 * @param resources the resource types to collect, in file order
 * @param format the output file format
 * @param outputDir the folder the files are written to
 * @param tagColumns tag keys that get a {@code Tag:KEY} column in CSV
 * @param endpointUrl one endpoint for every service, or null for AWS's own
 * @param concurrency how many account x region x resource tasks run at once
 * @param csvEscapeFormulas whether CSV cells that a spreadsheet would run as a formula are prefixed
 * @param quiet no progress lines
 */
public record RunConfig(
    CredentialsSpec credentials,
    String homeRegion,
    List<String> regions,
    Set<ResourceType> resources,
    OutputFormat format,
    Path outputDir,
    List<String> tagColumns,
    URI endpointUrl,
    int concurrency,
    boolean csvEscapeFormulas,
    boolean quiet) {

  public RunConfig {
    regions = List.copyOf(regions);
    resources = Set.copyOf(resources);
    tagColumns = List.copyOf(tagColumns);
  }

  /** The base credentials as asked for; secrets are held here and nowhere else. */
  public record CredentialsSpec(
      String accessKeyId, String secretAccessKey, String sessionToken, String profile) {

    public static CredentialsSpec defaultChain() {
      return new CredentialsSpec(null, null, null, null);
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
    options.put("home-region", homeRegion);
    options.put("regions", regions.isEmpty() ? "all enabled" : String.join(",", regions));
    options.put("resources", resources.stream().sorted().map(ResourceType::optionName).toList());
    options.put("format", format.extension());
    options.put("output-dir", outputDir.toString());
    options.put("tag-columns", tagColumns);
    if (endpointUrl != null) {
      options.put("endpoint-url", endpointUrl.toString());
    }
    options.put("concurrency", concurrency);
    options.put("csv-escape-formulas", csvEscapeFormulas);
    return options;
  }

  static String maskKeyId(String keyId) {
    return keyId.length() <= 8
        ? "****"
        : keyId.substring(0, 4) + "****" + keyId.substring(keyId.length() - 4);
  }
}
