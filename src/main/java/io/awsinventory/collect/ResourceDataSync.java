package io.awsinventory.collect;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.output.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads the objects a Systems Manager Resource Data Sync writes to S3. The layout, as the Systems
 * Manager User Guide describes it ("Configuring resource data sync for Inventory",
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/inventory-create-resource-data-sync.html,
 * and the AWS blog post "Understanding AWS Systems Manager Inventory Metadata",
 * https://aws.amazon.com/blogs/mt/understanding-aws-systems-manager-inventory-metadata/): under the
 * sync's prefix, one folder per inventory type ({@code AWS:Application}), then {@code
 * accountid=ACCOUNT/region=REGION/resourcetype=ManagedInstanceInventory/}, then one JSON file per
 * managed node holding one JSON object per inventory entry, one to a line.
 *
 * <p>Only the folders of the accounts and regions in scope are listed. Each object is parsed as a
 * stream, entry after entry, so memory stays flat however many applications a node has; a file
 * holding a JSON array of entries is read the same way.
 *
 * <p>The bucket is checked once ({@code HeadBucket}) for the whole run; a bucket that cannot be
 * read fails every target's step with the same error.
 */
public final class ResourceDataSync {
  private final S3Client s3;
  private final SyncLocation location;
  private final Object checkLock = new Object();
  private boolean checked;
  private RuntimeException bucketFailure;

  public ResourceDataSync(S3Client s3, SyncLocation location) {
    this.s3 = s3;
    this.location = location;
  }

  public SyncLocation location() {
    return location;
  }

  /** Checks once that the bucket can be read; throws what S3 answered, every time it is asked. */
  public void checkBucket() {
    synchronized (checkLock) {
      if (!checked) {
        try {
          s3.headBucket(r -> r.bucket(location.bucket()));
        } catch (RuntimeException e) {
          bucketFailure = e;
        }
        checked = true;
      }
      if (bucketFailure != null) {
        throw bucketFailure;
      }
    }
  }

  /** Lists at most one key of the type's folder: the cheapest proof the sync can be read. */
  public void probe(String inventoryType) {
    checkBucket();
    s3.listObjectsV2(
        r -> r.bucket(location.bucket()).prefix(location.typeFolder(inventoryType)).maxKeys(1));
  }

  /**
   * Hands every entry of {@code inventoryType} synced for {@code accountId} x {@code region} to
   * {@code entries}, as the JSON object the file holds.
   */
  public void read(
      String inventoryType, String accountId, String region, Consumer<ObjectNode> entries) {
    checkBucket();
    String folder =
        location.typeFolder(inventoryType) + "accountid=" + accountId + "/region=" + region + "/";
    for (ListObjectsV2Response page :
        Pages.guarded(
            s3.listObjectsV2Paginator(r -> r.bucket(location.bucket()).prefix(folder)),
            "ListObjectsV2",
            ListObjectsV2Response::nextContinuationToken)) {
      for (S3Object object : page.contents()) {
        if (!object.key().endsWith("/")) {
          readObject(object.key(), entries);
        }
      }
    }
  }

  private void readObject(String key, Consumer<ObjectNode> entries) {
    try (InputStream in = s3.getObject(r -> r.bucket(location.bucket()).key(key));
        JsonParser parser = Json.MAPPER.getFactory().createParser(in)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.START_OBJECT) {
          JsonNode entry = Json.MAPPER.readTree(parser);
          entries.accept((ObjectNode) entry);
        }
        // a START_ARRAY is stepped into: its objects come next
      }
    } catch (IOException e) {
      // a failed read of the sync is a failed call, not a failure to write the output
      throw SdkClientException.create(
          "could not read s3://" + location.bucket() + "/" + key + ": " + e.getMessage(), e);
    }
  }
}
