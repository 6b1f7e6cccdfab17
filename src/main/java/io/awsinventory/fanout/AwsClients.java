package io.awsinventory.fanout;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds SDK clients for one (credentials, region, service) over a single HTTP connection pool
 * shared by the whole run. Callers own the clients they get and close them when their target ends;
 * closing a client leaves the shared pool open. Closing this object closes the pool.
 */
public final class AwsClients implements AutoCloseable {
  /**
   * Retries for throttling and transient faults, with the SDK's adaptive client-side rate limit.
   */
  static final int MAX_ATTEMPTS = 8;

  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(60);
  static final Duration CALL_TIMEOUT = Duration.ofMinutes(5);

  private final SdkHttpClient http;
  private final URI endpoint;

  public AwsClients(int concurrency, URI endpoint) {
    this.endpoint = endpoint;
    this.http =
        ApacheHttpClient.builder()
            .maxConnections(Math.max(8, concurrency * 2))
            .connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(Duration.ofSeconds(60))
            .connectionAcquisitionTimeout(Duration.ofMinutes(2))
            .build();
  }

  public Ec2Client ec2(AwsCredentialsProvider credentials, String region) {
    return configure(Ec2Client.builder(), credentials, region).build();
  }

  public RdsClient rds(AwsCredentialsProvider credentials, String region) {
    return configure(RdsClient.builder(), credentials, region).build();
  }

  public StsClient sts(AwsCredentialsProvider credentials, String region) {
    return configure(StsClient.builder(), credentials, region).build();
  }

  /** Organizations is global: it is called in its partition's global region. */
  public OrganizationsClient organizations(AwsCredentialsProvider credentials, String partition) {
    String region =
        switch (partition) {
          case "aws" -> "aws-global";
          case "aws-cn" -> "aws-cn-global";
          case "aws-us-gov" -> "aws-us-gov-global";
          default -> throw new IllegalArgumentException("no Organizations region in " + partition);
        };
    return configure(OrganizationsClient.builder(), credentials, region).build();
  }

  private <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B configure(
      B builder, AwsCredentialsProvider credentials, String region) {
    builder
        .httpClient(http)
        .credentialsProvider(credentials)
        .region(Region.of(region))
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .retryStrategy(
                    AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
                        .maxAttempts(MAX_ATTEMPTS)
                        .build())
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT)
                .build());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder;
  }

  @Override
  public void close() {
    http.close();
  }
}
