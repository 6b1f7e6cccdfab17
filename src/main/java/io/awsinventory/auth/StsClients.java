package io.awsinventory.auth;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;

/** Where role sessions get their STS clients: built by the run over its shared HTTP client. */
@FunctionalInterface
public interface StsClients {
  /**
   * A client signed with {@code credentials}, at {@code region}'s endpoint; the caller closes it.
   */
  StsClient sts(AwsCredentialsProvider credentials, String region);
}
