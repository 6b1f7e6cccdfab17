package io.awsinventory.run;

import io.awsinventory.auth.Sessions;
import io.awsinventory.collect.ResourceDataSync;
import io.awsinventory.transport.AwsClients;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Resource Data Sync of a run, when {@code --inventory-sync} names one: read with the identity
 * the role chain ends in (the one that lists the organization), one bucket for every account.
 */
final class SyncReader implements AutoCloseable {
  private final S3Client s3;
  private final ResourceDataSync sync;

  private SyncReader(S3Client s3, ResourceDataSync sync) {
    this.s3 = s3;
    this.sync = sync;
  }

  static SyncReader open(RunConfig config, AwsClients clients, Sessions sessions) {
    if (config.inventorySync() == null) {
      return new SyncReader(null, null);
    }
    S3Client s3 = clients.s3(sessions.masterCredentials(), config.homeRegion());
    return new SyncReader(s3, new ResourceDataSync(s3, config.inventorySync()));
  }

  /** The sync, or null when installed software is read from each account's API. */
  ResourceDataSync sync() {
    return sync;
  }

  @Override
  public void close() {
    if (s3 != null) {
      s3.close();
    }
  }
}
