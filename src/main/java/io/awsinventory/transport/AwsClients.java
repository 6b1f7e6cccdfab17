package io.awsinventory.transport;

import io.awsinventory.collect.AnswerCheck;
import io.awsinventory.collect.Answers;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.net.ssl.TrustManager;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryUtils;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.ProxyConfiguration;
import software.amazon.awssdk.profiles.ProfileFileSupplier;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.licensemanager.LicenseManagerClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Builds SDK clients over a single HTTP connection pool shared by the whole run: for one
 * (credentials, region, service), which callers close; and for targets' calls one per service x
 * region, which this object keeps and closes with the pool. Every client is built with the shared
 * config files as they were read when this object was made ({@link SharedConfigFiles}).
 */
public final class AwsClients implements AutoCloseable {

  /** Attempts of a call: retries for throttling and transient faults (see retryStrategy). */
  static final int MAX_ATTEMPTS = 8;

  /** Room for the backoff between attempts, on top of the attempts themselves. */
  static final Duration BACKOFF_ALLOWANCE = Duration.ofMinutes(1);

  private final SdkHttpClient http;
  private final URI endpoint;
  private final Duration attemptTimeout;
  private final Duration callTimeout;

  /**
   * The timers of every client's call and attempt timeouts. Without it each client starts a
   * scheduler thread of its own: thousands of thread starts in a large organization.
   */
  private final ScheduledExecutorService timers;

  private final RateLimits rateLimits;
  private final AdaptiveLimits adaptiveLimits;

  /** The clients of targets' calls, by service and region. */
  private final Map<String, SharedClient> targetClients = new ConcurrentHashMap<>();

  /** The shared config and credentials files, read once for every client (see there). */
  private final SharedConfigFiles sharedFiles;

  /**
   * @param maxConnections the size of the shared HTTP connection pool
   * @param attemptTimeout how long one attempt may take; a whole call, retries included, may take
   *     {@value #MAX_ATTEMPTS} attempts plus a minute of backoff
   * @param proxy the proxy every call goes through, or null for direct connections
   * @param caBundle the certificates TLS is verified against, or null for the JVM's trust store
   */
  public AwsClients(
      int maxConnections,
      URI endpoint,
      Duration attemptTimeout,
      ProxySettings proxy,
      CaBundle caBundle,
      RateLimits rateLimits,
      AdaptiveLimits adaptiveLimits) {
    // first: a config file that cannot be read is bad input, before any thread or pool exists
    this.sharedFiles = SharedConfigFiles.readOnce();
    this.endpoint = endpoint;
    this.rateLimits = rateLimits;
    this.adaptiveLimits = adaptiveLimits;
    this.attemptTimeout = attemptTimeout;
    this.callTimeout = attemptTimeout.multipliedBy(MAX_ATTEMPTS).plus(BACKOFF_ALLOWANCE);
    AtomicInteger timerThreads = new AtomicInteger();
    ScheduledThreadPoolExecutor timers =
        new ScheduledThreadPoolExecutor(
            2,
            r -> {
              Thread thread =
                  new Thread(r, "aws-inventory-timer-" + timerThreads.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    // a call cancels its two time-outs when it ends, long before they are due: left queued until
    // then, 16,000 of them sat in the timers' heap near an organization's run's end
    timers.setRemoveOnCancelPolicy(true);
    this.timers = timers;
    ApacheHttpClient.Builder http =
        ApacheHttpClient.builder()
            .maxConnections(maxConnections)
            .connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(attemptTimeout)
            .connectionAcquisitionTimeout(Duration.ofMinutes(2))
            .proxyConfiguration(proxyConfiguration(proxy));
    if (caBundle != null) {
      TrustManager[] trustManagers = caBundle.trustManagers();
      http.tlsTrustManagersProvider(() -> trustManagers);
    }
    this.http = http.build();
  }

  /**
   * The proxy as the run resolved it. The HTTP client is told not to look at system properties or
   * environment variables itself, so --proxy, HTTPS_PROXY and NO_PROXY mean exactly what the run
   * summary says.
   */
  private static ProxyConfiguration proxyConfiguration(ProxySettings proxy) {
    ProxyConfiguration.Builder builder =
        ProxyConfiguration.builder()
            .useSystemPropertyValues(false)
            .useEnvironmentVariableValues(false);
    if (proxy != null) {
      builder
          .endpoint(proxy.url())
          .scheme(proxy.url().getScheme())
          .nonProxyHosts(proxy.nonProxyHostPatterns());
      if (proxy.username() != null) {
        builder
            .username(proxy.username())
            .password(proxy.password())
            .preemptiveBasicAuthenticationEnabled(true);
      }
    }
    return builder.build();
  }

  /**
   * The clients of targets' calls in {@code region}, one per service for the whole run: each call
   * is made with the credentials, the {@code --max-rate} turn and the retry state of the target of
   * the calling thread ({@link TargetScope}, opened by {@link TargetCalls}); its round trip feeds
   * the adaptive limit of the region's host. Callers do not close them: this object does.
   */
  public Ec2Client targetEc2(String region) {
    return targetClient(Ec2Client.class, Ec2Client::builder, "ec2", region);
  }

  public RdsClient targetRds(String region) {
    return targetClient(RdsClient.class, RdsClient::builder, "rds", region);
  }

  public SsmClient targetSsm(String region) {
    return targetClient(SsmClient.class, SsmClient::builder, "ssm", region);
  }

  public LicenseManagerClient targetLicenseManager(String region) {
    return targetClient(
        LicenseManagerClient.class, LicenseManagerClient::builder, "license-manager", region);
  }

  private <T extends SdkClient, B extends AwsSyncClientBuilder<B, T> & AwsClientBuilder<B, T>>
      T targetClient(Class<T> type, Supplier<B> builder, String service, String region) {
    return type.cast(
        targetClients
            .computeIfAbsent(service + "/" + region, key -> new SharedClient())
            .get(() -> configure(builder.get(), null, region).build()));
  }

  /**
   * The shared config and credentials files for the run's credential providers: while this object
   * is open, the SDK's own look-up of them finds none.
   */
  public ProfileFileSupplier sharedFiles() {
    return sharedFiles.live();
  }

  /** The adaptive limits of the run's targets, one per endpoint host. */
  public AdaptiveLimits adaptiveLimits() {
    return adaptiveLimits;
  }

  /**
   * S3 from {@code region}, following a bucket to its own region; path-style addressing when an
   * endpoint is given, as emulators and private endpoints serve it.
   */
  public S3Client s3(AwsCredentialsProvider credentials, String region) {
    S3ClientBuilder builder =
        configure(S3Client.builder(), credentials, region).crossRegionAccessEnabled(true);
    if (endpoint != null) {
      builder.forcePathStyle(true);
    }
    return builder.build();
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

  /**
   * @param credentials the client's credentials; null for a client of targets' calls, which takes
   *     the credentials and the retry state of the calling thread's target
   */
  private <B extends AwsSyncClientBuilder<B, ?> & AwsClientBuilder<B, ?>> B configure(
      B builder, AwsCredentialsProvider credentials, String region) {
    boolean targets = credentials == null;
    ClientOverrideConfiguration.Builder overrides = ClientOverrideConfiguration.builder();
    // a 200 that is not the API's answer (a captive portal's page) fails the call
    overrides.addExecutionInterceptor(new AnswerCheck());
    if (targets) {
      if (rateLimits.limits()) {
        overrides.addExecutionInterceptor(new RateLimitInterceptor(rateLimits));
      }
      // a wait for a slot counts against the attempt's time-out: it is kept to a quarter of it
      overrides.addExecutionInterceptor(
          new RoundTripInterceptor(adaptiveLimits.forRegion(region), attemptTimeout.toNanos() / 4));
      // EC2 and RDS answers the collectors ask for are read straight into records
      overrides.addExecutionInterceptor(new Answers());
    }
    builder
        .httpClient(http)
        .region(Region.of(region))
        .overrideConfiguration(
            overrides
                .retryStrategy(
                    targets ? new TargetScope.Retries(AwsClients::retryStrategy) : retryStrategy())
                .scheduledExecutorService(timers)
                .defaultProfileFile(sharedFiles.snapshot())
                .apiCallAttemptTimeout(attemptTimeout)
                .apiCallTimeout(callTimeout)
                .build());
    builder.credentialsProvider(targets ? new TargetScope.Credentials() : credentials);
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder;
  }

  /**
   * Retries for throttling and transient faults with the SDK's adaptive client-side rate limit, a
   * new one for each client, and for each service a target calls: its rate and its retry quota are
   * those of one account x region, as AWS's throttling is.
   */
  private static RetryStrategy retryStrategy() {
    return AwsRetryStrategy.adaptiveRetryStrategy().toBuilder()
        .maxAttempts(MAX_ATTEMPTS)
        .retryOnException(AwsClients::isRateLimit)
        .treatAsThrottling(
            e ->
                e instanceof SdkException sdk
                    && (RetryUtils.isThrottlingException(sdk) || isRateLimit(e)))
        .build();
  }

  /**
   * License Manager's throttling answer, a code the SDK does not know as throttling: retried and
   * slowed down like the others.
   */
  private static boolean isRateLimit(Throwable failure) {
    return failure instanceof AwsServiceException service
        && service.awsErrorDetails() != null
        && RATE_LIMIT_CODE.equals(service.awsErrorDetails().errorCode());
  }

  private static final String RATE_LIMIT_CODE = "RateLimitExceededException";

  @Override
  public void close() {
    targetClients.values().forEach(SharedClient::close);
    http.close();
    timers.shutdownNow();
  }
}
