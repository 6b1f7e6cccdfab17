package io.awsinventory.run;

import io.awsinventory.output.SpillSorter;
import io.awsinventory.transport.AdaptiveLimits;
import io.awsinventory.transport.AwsClients;
import io.awsinventory.transport.RateLimits;

/**
 * What the one {@code --concurrency} option sets, and everything derived from it, in one place: the
 * width of the task pool, the size of the shared HTTP connection pool, and the memory the spill
 * files of the targets in flight may sort in.
 *
 * @param workers how many account x region targets (and account set-ups) are worked on at once
 */
record Capacity(int workers) {
  /**
   * Two connections per worker: a target's clients and the session renewals behind them may hold
   * one each, and at least eight for the set-up of a small run.
   */
  int httpConnections() {
    return Math.max(8, workers * 2);
  }

  /** Sorts in memory as many spill files at once as there are workers. */
  SpillSorter spillSorter() {
    return SpillSorter.forHeap(workers);
  }

  /** The run's client factory over one shared HTTP connection pool. */
  AwsClients clients(RunConfig config) {
    return new AwsClients(
        httpConnections(),
        config.endpointUrl(),
        config.attemptTimeout(),
        config.proxy(),
        config.caBundle(),
        new RateLimits(config.maxRate()),
        new AdaptiveLimits(workers, config.endpointUrl()));
  }
}
