package io.awsinventory.collect;

import java.util.regex.Pattern;

/**
 * Where a Systems Manager Resource Data Sync writes: a bucket, and the prefix the sync was created
 * with (empty for none), as {@code s3://BUCKET[/PREFIX]}.
 */
public record SyncLocation(String bucket, String prefix) {
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?");

  /**
   * Reads {@code s3://BUCKET[/PREFIX]}; a trailing slash is dropped.
   *
   * @throws IllegalArgumentException saying what is wrong with the text
   */
  public static SyncLocation parse(String text) {
    String value = text.strip();
    if (!value.startsWith("s3://")) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an S3 location: write s3://BUCKET or s3://BUCKET/PREFIX");
    }
    String rest = value.substring("s3://".length());
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String prefix = slash < 0 ? "" : rest.substring(slash + 1);
    while (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
      throw new IllegalArgumentException(
          "'"
              + bucket
              + "' is not an S3 bucket name (up to 63 lower-case letters, digits, dots and hyphens)");
    }
    return new SyncLocation(bucket, prefix);
  }

  /** The key prefix of one inventory type's objects: {@code PREFIX/AWS:Application/}. */
  public String typeFolder(String inventoryType) {
    return (prefix.isEmpty() ? "" : prefix + "/") + inventoryType + "/";
  }

  @Override
  public String toString() {
    return "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
  }
}
