package io.awsinventory.auth;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Who a set of credentials is: the account it acts in and the ARN STS reports. Asked once per
 * identity; {@code sts:GetCallerIdentity} needs no permission, so a failure here means the
 * credentials themselves are bad.
 */
public record CallerIdentity(String accountId, String arn) {

  public static CallerIdentity of(StsClient sts) {
    GetCallerIdentityResponse response = sts.getCallerIdentity();
    return new CallerIdentity(response.account(), response.arn());
  }

  /** Who {@code credentials} are, asked through a client that may be signed by others. */
  public static CallerIdentity of(StsClient sts, AwsCredentialsProvider credentials) {
    GetCallerIdentityResponse response =
        sts.getCallerIdentity(
            r -> r.overrideConfiguration(o -> o.credentialsProvider(credentials)));
    return new CallerIdentity(response.account(), response.arn());
  }
}
