package io.awsinventory.run;

import io.awsinventory.auth.Sessions;
import io.awsinventory.transport.AwsClients;

/**
 * The role sessions of a {@code collect} or {@code check} run, over the run's clients and the
 * shared config files they read once.
 */
final class RunSessions {
  private RunSessions() {}

  /**
   * Opens the run's sessions; a network failure on the way to who they are is exit 5, not an
   * authentication one.
   */
  static Sessions open(RunConfig config, AwsClients clients) {
    return Sessions.open(
        config.credentials(),
        config.access(),
        config.homeRegion(),
        clients::sts,
        clients.sharedFiles(),
        e -> e.getCause() == null ? e : NetworkFailure.of(config, "sts", e.getCause()).orElse(e));
  }
}
