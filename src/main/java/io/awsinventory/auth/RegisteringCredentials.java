package io.awsinventory.auth;

import io.awsinventory.Secrets;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A role session's credentials, each registered as a secret the moment it is issued or renewed, so
 * an error that echoes a request (its security token) never shows it.
 */
record RegisteringCredentials(AwsCredentialsProvider source)
    implements AwsCredentialsProvider, AutoCloseable {
  @Override
  public AwsCredentials resolveCredentials() {
    AwsCredentials credentials = source.resolveCredentials();
    Secrets.register(credentials.secretAccessKey());
    if (credentials instanceof AwsSessionCredentials session) {
      Secrets.register(session.sessionToken());
    }
    return credentials;
  }

  @Override
  public void close() throws Exception {
    if (source instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
