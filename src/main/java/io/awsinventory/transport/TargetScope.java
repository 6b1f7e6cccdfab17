package io.awsinventory.transport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

/**
 * The target whose calls the current thread makes. The run builds one SDK client per service x
 * region and every target of that region calls through it: building two clients per target took a
 * tenth of the collecting threads' time. What must stay the target's own comes from the scope of
 * the thread that makes the call: its credentials, its {@code account/region} under {@code
 * --max-rate}, and its retry state per shared client, that is per service (the adaptive rate and
 * the retry quota of one account x region, as AWS throttles; each chain of a target's steps, which
 * calls APIs of its own, has its own). That holds because a chain of a target's steps runs on one
 * thread ({@link TargetCalls} opens and closes the scope there) and a synchronous SDK client makes
 * each call, retries and credential refreshes included, on the calling thread. A call on a shared
 * client outside any scope fails; it never falls back to other credentials.
 */
public final class TargetScope implements AutoCloseable {
  private static final ThreadLocal<TargetScope> CURRENT = new ThreadLocal<>();

  private final TargetScope outer;
  private final AwsCredentialsProvider credentials;
  private final String key;

  /** The target's own strategy behind each shared client's, made on its first call. */
  private final Map<Retries, RetryStrategy> retries = new HashMap<>(4);

  private TargetScope(AwsCredentialsProvider credentials, String key) {
    this.outer = CURRENT.get();
    this.credentials = credentials;
    this.key = key;
  }

  /**
   * Makes the current thread's calls on the shared clients those of a target until {@link #close}.
   *
   * @param key "account/region" of the target's calls
   */
  public static TargetScope enter(AwsCredentialsProvider credentials, String key) {
    TargetScope scope = new TargetScope(credentials, key);
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
   * The retry strategy of a shared client: the calling thread's target's strategy for the client,
   * made by {@code perTarget} on the target's first call through it. Its tokens remember the
   * strategy they came from, so an attempt's retries stay with it.
   */
  static final class Retries implements RetryStrategy {
    private final Supplier<RetryStrategy> perTarget;
    private final int maxAttempts;

    /**
     * @param perTarget a new strategy, with state of its own, each time it is asked
     */
    Retries(Supplier<RetryStrategy> perTarget) {
      this.perTarget = perTarget;
      this.maxAttempts = perTarget.get().maxAttempts();
    }

    /**
     * How many attempts of one call that ran out of time are retried: a server that answers a byte
     * at a time would hold the target for every attempt the throttling retries allow.
     */
    static final int TIMED_OUT_RETRIES = 1;

    /** The target's strategy, its token, and how many of the call's attempts ran out of time. */
    private record Token(RetryStrategy strategy, RetryToken inner, int timedOut)
        implements RetryToken {}

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
      TargetScope scope = current();
      RetryStrategy strategy = scope.retries.computeIfAbsent(this, shared -> perTarget.get());
      AcquireInitialTokenResponse response = strategy.acquireInitialToken(request);
      return AcquireInitialTokenResponse.create(
          new Token(strategy, response.token(), 0), response.delay());
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
      Token token = (Token) request.token();
      int timedOut =
          token.timedOut() + (request.failure() instanceof ApiCallAttemptTimeoutException ? 1 : 0);
      if (timedOut > TIMED_OUT_RETRIES) {
        throw new TokenAcquisitionFailedException(
            "the call ran out of time " + timedOut + " times", request.failure());
      }
      RefreshRetryTokenResponse response =
          token.strategy().refreshRetryToken(request.toBuilder().token(token.inner()).build());
      return RefreshRetryTokenResponse.create(
          new Token(token.strategy(), response.token(), timedOut), response.delay());
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
      Token token = (Token) request.token();
      RecordSuccessResponse response =
          token.strategy().recordSuccess(RecordSuccessRequest.create(token.inner()));
      return RecordSuccessResponse.create(
          new Token(token.strategy(), response.token(), token.timedOut()));
    }

    @Override
    public int maxAttempts() {
      return maxAttempts;
    }

    /** A builder whose settings apply to every target's own strategy. */
    @Override
    public Builder toBuilder() {
      return new Builder(perTarget);
    }

    /** Records settings, and applies them to each target's strategy as it is made. */
    static final class Builder implements RetryStrategy.Builder<Builder, Retries> {
      private final Supplier<RetryStrategy> base;
      private final List<Consumer<RetryStrategy.Builder<?, ?>>> settings = new ArrayList<>();

      private Builder(Supplier<RetryStrategy> base) {
        this.base = base;
      }

      private Builder with(Consumer<RetryStrategy.Builder<?, ?>> setting) {
        settings.add(setting);
        return this;
      }

      @Override
      public Builder retryOnException(Predicate<Throwable> shouldRetry) {
        return with(b -> b.retryOnException(shouldRetry));
      }

      @Override
      public Builder maxAttempts(int maxAttempts) {
        return with(b -> b.maxAttempts(maxAttempts));
      }

      @Override
      public Builder backoffStrategy(BackoffStrategy backoff) {
        return with(b -> b.backoffStrategy(backoff));
      }

      @Override
      public Builder throttlingBackoffStrategy(BackoffStrategy backoff) {
        return with(b -> b.throttlingBackoffStrategy(backoff));
      }

      @Override
      public Builder treatAsThrottling(Predicate<Throwable> isThrottling) {
        return with(b -> b.treatAsThrottling(isThrottling));
      }

      @Override
      public Builder useClientDefaults(boolean useClientDefaults) {
        return with(b -> b.useClientDefaults(useClientDefaults));
      }

      @Override
      public Retries build() {
        List<Consumer<RetryStrategy.Builder<?, ?>>> fixed = List.copyOf(settings);
        return new Retries(
            () -> {
              RetryStrategy.Builder<?, ?> builder = base.get().toBuilder();
              fixed.forEach(setting -> setting.accept(builder));
              return builder.build();
            });
      }
    }
  }
}
