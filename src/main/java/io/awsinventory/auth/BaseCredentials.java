package io.awsinventory.auth;

import io.awsinventory.RunConfig.CredentialsSpec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Turns the credentials asked for into the SDK provider every client of the run signs with. */
public final class BaseCredentials {
  private BaseCredentials() {}

  public static AwsCredentialsProvider provider(CredentialsSpec spec) {
    if (spec.isStaticKeys()) {
      return StaticCredentialsProvider.create(
          spec.sessionToken() != null
              ? AwsSessionCredentials.create(
                  spec.accessKeyId(), spec.secretAccessKey(), spec.sessionToken())
              : AwsBasicCredentials.create(spec.accessKeyId(), spec.secretAccessKey()));
    }
    if (spec.profile() != null) {
      return ProfileCredentialsProvider.builder().profileName(spec.profile()).build();
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
