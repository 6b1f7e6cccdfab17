package io.awsinventory.fanout;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;

/**
 * The target whose calls the current thread makes. The run builds one SDK client per service x
 * region and every target of that region calls through it: building two clients per target took a
 * tenth of the collecting threads' time. What must stay the target's own comes from the scope of
 * the thread that makes the call: its credentials, its {@code account/region} under {@code
 * --max-rate}, and its retry state per shared client, that is per service (the adaptive rate and
 * the retry quota of one account x region, as AWS throttles). That holds because a target's steps
 * run on one thread ({@link TargetCalls} opens and closes the scope there) and a synchronous SDK
 * client makes each call, retries and credential refreshes included, on the calling thread. A call
 * on a shared client outside any scope fails; it never falls back to other credentials.
 */
final class TargetScope implements AutoCloseable {
  private static final ThreadLocal<TargetScope> CURRENT = new ThreadLocal<>();

  private final TargetScope outer;
  private final AwsCredentialsProvider credentials;
  private final String key;
  private final Supplier<RetryStrategy> newRetries;

  /** The target's own strategy behind each shared client's, made on its first call. */
  private final Map<Retries, RetryStrategy> retries = new HashMap<>(4);

  private TargetScope(
      AwsCredentialsProvider credentials, String key, Supplier<RetryStrategy> newRetries) {
    this.outer = CURRENT.get();
    this.credentials = credentials;
    this.key = key;
    this.newRetries = newRetries;
  }

  /**
   * Makes the current thread's calls on the shared clients those of a target until {@link #close}.
   *
   * @param key "account/region" of the target's calls
   * @param newRetries a new retry strategy, for each service the target calls
   */
  static TargetScope enter(
      AwsCredentialsProvider credentials, String key, Supplier<RetryStrategy> newRetries) {
    TargetScope scope = new TargetScope(credentials, key, newRetries);
    CURRENT.set(scope);
    return scope;
  }

  static TargetScope current() {
    TargetScope scope = CURRENT.get();
    if (scope == null) {
      throw new IllegalStateException("a call on a target's client outside its target");
    }
    return scope;
  }

  /** "account/region" of the target's calls. */
  String key() {
    return key;
  }

  @Override
  public void close() {
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
  }

  /** The credentials of a shared client: those of the calling thread's target. */
  static final class Credentials implements AwsCredentialsProvider {
    @Override
    public AwsCredentials resolveCredentials() {
      return current().credentials.resolveCredentials();
    }
  }

  /**
   * The retry strategy of a shared client: the calling thread's target's strategy for the service.
   * Its tokens remember the strategy they came from, so an attempt's retries stay with it.
   */
  static final class Retries implements RetryStrategy {
    private final int maxAttempts;

    Retries(int maxAttempts) {
      this.maxAttempts = maxAttempts;
    }

    private record Token(RetryStrategy strategy, RetryToken inner) implements RetryToken {}

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
      TargetScope scope = current();
      RetryStrategy strategy =
          scope.retries.computeIfAbsent(this, shared -> scope.newRetries.get());
      AcquireInitialTokenResponse response = strategy.acquireInitialToken(request);
      return AcquireInitialTokenResponse.create(
          new Token(strategy, response.token()), response.delay());
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
      Token token = (Token) request.token();
      RefreshRetryTokenResponse response =
          token.strategy().refreshRetryToken(request.toBuilder().token(token.inner()).build());
      return RefreshRetryTokenResponse.create(
          new Token(token.strategy(), response.token()), response.delay());
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
      Token token = (Token) request.token();
      RecordSuccessResponse response =
          token.strategy().recordSuccess(RecordSuccessRequest.create(token.inner()));
      return RecordSuccessResponse.create(new Token(token.strategy(), response.token()));
    }

    @Override
    public int maxAttempts() {
      return maxAttempts;
    }

    /** Not asked for of a client's own strategy; a copy could not keep the targets apart. */
    @Override
    public Builder<?, ?> toBuilder() {
      throw new UnsupportedOperationException("a target's retry strategy is not copied");
    }
  }
}
