package io.awsinventory.cli;

import io.awsinventory.discovery.Partitions;
import io.awsinventory.fanout.CaBundle;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Start-up work that a run does whatever its command line says, begun on a second thread while
 * picocli builds its command model on the first: the SDK's partition and region tables (every home
 * region and {@code --regions} is checked against them) and the certificates {@code AWS_CA_BUNDLE}
 * names (parsing a system bundle of some 150 certificates takes tens of milliseconds). On a machine
 * with two cores the two overlap instead of following each other. Nothing read here is taken on
 * trust: the tables are the SDK's own, loaded once whoever asks first, and a bundle is handed to
 * the option that names the same file, which reads it again when the read ahead failed, so a bad
 * file is reported as the option's error, before any call.
 */
final class ReadAhead {
  /** Bundles read ahead, each taken by the first {@link #caBundle} of its file. */
  private static final Map<Path, CompletableFuture<CaBundle>> BUNDLES = new ConcurrentHashMap<>();

  private ReadAhead() {}

  /** Starts the read ahead on a daemon thread: a run that ends early does not wait for it. */
  static void start(Map<String, String> env) {
    Thread thread = new Thread(() -> read(env), "read-ahead");
    thread.setDaemon(true);
    thread.start();
  }

  static void read(Map<String, String> env) {
    Partitions.isKnownRegion(RunConfigFactory.DEFAULT_HOME_REGION);
    String bundle = env.get("AWS_CA_BUNDLE");
    if (bundle != null && !bundle.isBlank()) {
      try {
        readBundle(Path.of(bundle));
      } catch (InvalidPathException e) {
        // the option's own check says what is wrong with the name
      }
    }
  }

  /** Reads a bundle on this thread for a later {@link #caBundle} of the same file on another. */
  static void readBundle(Path file) {
    CompletableFuture<CaBundle> bundle = new CompletableFuture<>();
    if (BUNDLES.putIfAbsent(file, bundle) == null) {
      try {
        bundle.complete(CaBundle.read(file));
      } catch (RuntimeException | Error e) {
        // completed either way: a read waiting on it must never wait for ever
        bundle.completeExceptionally(e);
      }
    }
  }

  /**
   * The bundle of a file: what the read ahead read of it, taken once, else read now; throws with
   * the file's one-line reason when it holds no certificate.
   */
  static CaBundle caBundle(Path file) {
    CompletableFuture<CaBundle> ahead = BUNDLES.remove(file);
    if (ahead != null) {
      try {
        return ahead.join();
      } catch (CompletionException e) {
        // read again below: the reason is then the file's as it is now
      }
    }
    return CaBundle.read(file);
  }
}
