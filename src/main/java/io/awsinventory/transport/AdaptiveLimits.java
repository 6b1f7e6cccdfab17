package io.awsinventory.transport;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link AdaptiveLimit} per endpoint host a run's targets call: per region for AWS's own
 * endpoints (each region's EC2, RDS and Systems Manager are hosts of their own), one for an {@code
 * --endpoint-url} that serves every region.
 */
public final class AdaptiveLimits {
  /** Where a limit starts: a small run does not wait for it to grow. */
  static final int INITIAL = 8;

  private final int bound;
  private final URI endpoint;
  private final Map<String, AdaptiveLimit> limits = new ConcurrentHashMap<>();

  /**
   * @param bound the most calls in flight toward one host
   * @param endpoint the one endpoint of every call, or null for AWS's regional endpoints
   */
  public AdaptiveLimits(int bound, URI endpoint) {
    this.bound = bound;
    this.endpoint = endpoint;
  }

  /** The limit of the host a target in {@code region} calls. */
  public AdaptiveLimit forRegion(String region) {
    String host = endpoint != null ? endpoint.getAuthority() : region;
    return limits.computeIfAbsent(host, h -> new AdaptiveLimit(INITIAL, bound));
  }

  public int bound() {
    return bound;
  }

  /** Where each host's limit stands now: after a run, the level it settled on. */
  public Map<String, Integer> levels() {
    Map<String, Integer> levels = new TreeMap<>();
    limits.forEach((host, limit) -> levels.put(host, limit.limit()));
    return levels;
  }
}
