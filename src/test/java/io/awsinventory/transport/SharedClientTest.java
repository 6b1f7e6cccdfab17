package io.awsinventory.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkClient;

class SharedClientTest {
  /** A stand-in client that counts its closes. */
  private static final class Counted implements SdkClient {
    final AtomicInteger closes = new AtomicInteger();

    @Override
    public String serviceName() {
      return "test";
    }

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  @Test
  void threadsAskingWhileTheFirstBuilds_getTheOneClientItBuilt() throws Exception {
    SharedClient shared = new SharedClient();
    AtomicInteger builds = new AtomicInteger();
    CountDownLatch building = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Counted built = new Counted();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<SdkClient> first =
          threads.submit(
              () ->
                  shared.get(
                      () -> {
                        builds.incrementAndGet();
                        building.countDown();
                        await(release);
                        return built;
                      }));
      assertThat(building.await(10, TimeUnit.SECONDS)).isTrue();
      Future<SdkClient> second =
          threads.submit(
              () ->
                  shared.get(
                      () -> {
                        builds.incrementAndGet();
                        return new Counted();
                      }));
      release.countDown();

      assertThat(first.get(10, TimeUnit.SECONDS)).isSameAs(built);
      assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(built);
      assertThat(builds).hasValue(1);
    } finally {
      threads.shutdownNow();
    }

    shared.close();
    assertThat(built.closes).hasValue(1);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
