package io.awsinventory.auth;

import java.util.Optional;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsServiceClientConfiguration;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.AssumedRoleUser;

/**
 * The STS client of one role hop as the hop's credential provider sees it: it asks through the
 * client it was given and keeps who the issued session is, the answer's {@code AssumedRoleUser},
 * whose ARN is the one GetCallerIdentity reports for the session. An account reached through a role
 * so needs no call to say who it is.
 */
final class SessionRecordingSts implements StsClient {
  private final StsClient client;
  private volatile CallerIdentity session;

  SessionRecordingSts(StsClient client) {
    this.client = client;
  }

  @Override
  public AssumeRoleResponse assumeRole(AssumeRoleRequest request) {
    AssumeRoleResponse response = client.assumeRole(request);
    AssumedRoleUser user = response.assumedRoleUser();
    if (user != null && user.arn() != null) {
      // arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE/SESSION
      String[] parts = user.arn().split(":", 6);
      if (parts.length == 6 && !parts[4].isEmpty()) {
        session = new CallerIdentity(parts[4], user.arn());
      }
    }
    return response;
  }

  /** Who the last session issued through this client is; empty before one, or if none was named. */
  Optional<CallerIdentity> session() {
    return Optional.ofNullable(session);
  }

  @Override
  public StsServiceClientConfiguration serviceClientConfiguration() {
    return client.serviceClientConfiguration();
  }

  @Override
  public String serviceName() {
    return client.serviceName();
  }

  /** Leaves the client it was given open: that client's owner closes it. */
  @Override
  public void close() {}
}
