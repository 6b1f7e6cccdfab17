package io.awsinventory.transport;

import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkClient;

/**
 * A client of targets' calls, built by the first thread that asks for it while the others asking
 * for it wait: a build, long on a cold start, never holds up the clients of other regions, as it
 * would inside {@code ConcurrentHashMap.computeIfAbsent}.
 */
final class SharedClient {
  private SdkClient client;

  synchronized SdkClient get(Supplier<SdkClient> build) {
    if (client == null) {
      client = build.get();
    }
    return client;
  }

  synchronized void close() {
    if (client != null) {
      client.close();
    }
  }
}
