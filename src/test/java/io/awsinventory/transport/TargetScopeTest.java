package io.awsinventory.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.awsinventory.Account;
import io.awsinventory.fanout.Target;
import io.awsinventory.fanout.TargetCalls;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
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
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.Region;

class TargetScopeTest {
  private static StaticCredentialsProvider keys(String accessKey) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, "secret"));
  }

  @Test
  void credentialsAreThoseOfTheInnermostScopeOfTheCallingThread() {
    TargetScope.Credentials credentials = new TargetScope.Credentials();
    assertThatThrownBy(credentials::resolveCredentials)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outside its target");

    try (TargetScope outer = TargetScope.enter(keys("AKIAOUTER"), "111/eu-west-1")) {
      assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("AKIAOUTER");
      try (TargetScope inner = TargetScope.enter(keys("AKIAINNER"), "222/eu-west-1")) {
        assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("AKIAINNER");
        assertThat(TargetScope.current().key()).isEqualTo("222/eu-west-1");
      }
      assertThat(credentials.resolveCredentials().accessKeyId()).isEqualTo("AKIAOUTER");
    }
    assertThatThrownBy(TargetScope::current).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void eachTargetHasItsOwnStrategyPerSharedClient_andAnAttemptsRetriesStayWithIt() {
    List<Fake> made = new ArrayList<>();
    TargetScope.Retries ec2 = new TargetScope.Retries(() -> add(made));
    TargetScope.Retries rds = new TargetScope.Retries(() -> add(made));
    // each asked its factory once for the number of attempts
    made.clear();
    AcquireInitialTokenRequest start = AcquireInitialTokenRequest.create("GLOBAL");

    RetryToken first;
    try (TargetScope a = TargetScope.enter(keys("AKIAA"), "111/us-east-1")) {
      first = ec2.acquireInitialToken(start).token();
      ec2.acquireInitialToken(start);
      rds.acquireInitialToken(start);
    }
    try (TargetScope b = TargetScope.enter(keys("AKIAB"), "222/us-east-1")) {
      ec2.acquireInitialToken(start);
      // an attempt started under the first target keeps its strategy, whatever the scope now
      ec2.refreshRetryToken(
          RefreshRetryTokenRequest.builder().token(first).failure(new RuntimeException()).build());
      ec2.recordSuccess(RecordSuccessRequest.create(first));
    }

    assertThat(made).hasSize(3);
    assertThat(made.get(0).calls).containsExactly("acquire", "acquire", "refresh", "success");
    assertThat(made.get(1).calls).containsExactly("acquire");
    assertThat(made.get(2).calls).containsExactly("acquire");
    assertThat(ec2.maxAttempts()).isEqualTo(8);
  }

  /** Settings made through a shared client's builder reach every target's own strategy. */
  @Test
  void aRebuiltStrategy_appliesItsSettingsToEachTargetsOwn() {
    TargetScope.Retries shared =
        new TargetScope.Retries(AwsRetryStrategy::standardRetryStrategy)
            .toBuilder()
                .maxAttempts(4)
                .retryOnException(e -> true)
                .backoffStrategy(BackoffStrategy.retryImmediately())
                .build();
    assertThat(shared.maxAttempts()).isEqualTo(4);

    for (String key : List.of("111/us-east-1", "222/us-east-1")) {
      try (TargetScope scope = TargetScope.enter(keys("AKIA" + key.substring(0, 3)), key)) {
        RetryToken token =
            shared.acquireInitialToken(AcquireInitialTokenRequest.create("GLOBAL")).token();
        for (int retry = 1; retry < 4; retry++) {
          token =
              shared
                  .refreshRetryToken(
                      RefreshRetryTokenRequest.builder()
                          .token(token)
                          .failure(new RuntimeException("any"))
                          .build())
                  .token();
        }
        RetryToken spent = token;
        // the fourth attempt was the last: each target got its own four, with the settings given
        assertThatThrownBy(
                () ->
                    shared.refreshRetryToken(
                        RefreshRetryTokenRequest.builder()
                            .token(spent)
                            .failure(new RuntimeException("any"))
                            .build()))
            .isInstanceOf(TokenAcquisitionFailedException.class);
      }
    }
  }

  /** Two targets on two threads over one shared client: each call signed with its own keys. */
  @Test
  void aSharedClientSignsEachThreadsCallsWithItsTargetsKeys() throws Exception {
    Pattern credential = Pattern.compile("Credential=(\\w+)/");
    List<String> signedWith = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          Matcher key = credential.matcher(exchange.getRequestHeaders().getFirst("Authorization"));
          String accessKey = key.find() ? key.group(1) : "none";
          signedWith.add(accessKey);
          byte[] body =
              ("<DescribeRegionsResponse><regionInfo><item><regionName>"
                      + accessKey
                      + "</regionName></item></regionInfo></DescribeRegionsResponse>")
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    try (AwsClients clients =
        new AwsClients(
            4,
            endpoint,
            Duration.ofSeconds(10),
            null,
            null,
            new RateLimits(0),
            new AdaptiveLimits(4, endpoint))) {
      Map<String, String> answered = new ConcurrentHashMap<>();
      List<Future<?>> runs = new ArrayList<>();
      for (String account : List.of("111111111111", "222222222222")) {
        Target target = new Target(new Account(account, null), keys("AKIA" + account), "eu-west-1");
        runs.add(
            threads.submit(
                () -> {
                  try (TargetCalls calls = new TargetCalls(clients, target, null)) {
                    for (int i = 0; i < 5; i++) {
                      DescribeRegionsResponse regions = calls.ec2().describeRegions();
                      answered.merge(
                          account,
                          regions.regions().stream().map(Region::regionName).toList().toString(),
                          (x, y) -> x.equals(y) ? x : "mixed");
                    }
                  }
                }));
      }
      for (Future<?> run : runs) {
        run.get();
      }

      assertThat(answered)
          .containsEntry("111111111111", "[AKIA111111111111]")
          .containsEntry("222222222222", "[AKIA222222222222]");
      assertThat(signedWith).hasSize(10);
      // the same client served both: a call on it outside any target is refused before it is sent
      Ec2Client shared = clients.targetEc2("eu-west-1");
      assertThatThrownBy(shared::describeRegions).isInstanceOf(IllegalStateException.class);
      assertThat(signedWith).hasSize(10);
    } finally {
      threads.shutdownNow();
      server.stop(0);
    }
  }

  private static Fake add(List<Fake> made) {
    Fake fake = new Fake();
    made.add(fake);
    return fake;
  }

  /** A strategy that records what it was asked; its tokens are its own. */
  private static final class Fake implements RetryStrategy {
    final List<String> calls = new CopyOnWriteArrayList<>();

    private record Token(Fake owner) implements RetryToken {}

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
      calls.add("acquire");
      return AcquireInitialTokenResponse.create(new Token(this), Duration.ZERO);
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
      assertThat(((Token) request.token()).owner()).isSameAs(this);
      calls.add("refresh");
      return RefreshRetryTokenResponse.create(request.token(), Duration.ZERO);
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
      assertThat(((Token) request.token()).owner()).isSameAs(this);
      calls.add("success");
      return RecordSuccessResponse.create(request.token());
    }

    @Override
    public int maxAttempts() {
      return 8;
    }

    @Override
    public Builder<?, ?> toBuilder() {
      throw new UnsupportedOperationException();
    }
  }
}
