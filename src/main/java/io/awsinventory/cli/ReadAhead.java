package io.awsinventory.cli;

import io.awsinventory.discovery.Partitions;
import io.awsinventory.fanout.CaBundle;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Start-up work that a run does whatever its command line says, begun on a second thread while
 * picocli builds its command model on the first: the SDK's partition and region tables (every home
 * region and {@code --regions} is checked against them) and the certificates {@code AWS_CA_BUNDLE}
 * names. On a machine with two cores the two overlap instead of following each other. Nothing read
 * here is taken on trust: the tables are the SDK's own, loaded once whoever asks first, and a
 * bundle is handed to the option that names the same file, which reads it again when the read ahead
 * failed, so a bad file is reported as the option's error, before any call.
 */
final class ReadAhead {
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
        CaBundle.readAhead(Path.of(bundle));
      } catch (InvalidPathException e) {
        // the option's own check says what is wrong with the name
      }
    }
  }
}
