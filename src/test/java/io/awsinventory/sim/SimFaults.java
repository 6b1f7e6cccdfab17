package io.awsinventory.sim;

import static io.awsinventory.sim.SimHttp.xml;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The knobs of {@link SimConfig} applied to an EC2 or RDS call before it is answered: latency and
 * jitter, hanging regions, 5xx answers, EC2-style throttling per account x region x API, denials,
 * and regions the account has not enabled.
 */
final class SimFaults {
  private final SimConfig config;
  private final SimEstate estate;
  private final SimStats stats;
  private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  SimFaults(SimConfig config, SimEstate estate, SimStats stats) {
    this.config = config;
    this.estate = estate;
    this.stats = stats;
  }

  /** Applies the knobs; answers and returns false when one of them ends the call. */
  boolean pass(
      HttpExchange exchange, String account, String region, String action, SimDialect dialect)
      throws IOException {
    SimHttp.sleep(
        config.latency.plusMillis(
            config.jitter.isZero()
                ? 0
                : ThreadLocalRandom.current().nextLong(config.jitter.toMillis() + 1)));
    boolean hangs =
        config.hangingRegions.contains(region)
            || config.hangingRegions.contains(account + "/" + region);
    if (hangs && !action.equals("DescribeRegions")) {
      stats.hung.increment();
      SimHttp.sleep(config.hangFor);
      xml(exchange, 504, SimXml.ec2Error("GatewayTimeout", "hung"));
      return false;
    }
    if (config.serverErrorRate > 0
        && ThreadLocalRandom.current().nextDouble() < config.serverErrorRate) {
      stats.serverErrors.increment();
      dialect.unavailable(exchange);
      return false;
    }
    if (config.bucketRefillPerSecond > 0
        && !buckets
            .computeIfAbsent(
                account + "/" + region + "/" + action,
                k -> new TokenBucket(config.bucketBurst, config.bucketRefillPerSecond))
            .take()) {
      stats.throttled.increment();
      dialect.throttled(exchange);
      return false;
    }
    boolean isDenied =
        config.deniedAccounts.contains(account)
            || config.deniedApis.contains(action)
            || (config.deniedRegions.contains(region) && !action.equals("DescribeRegions"));
    if (isDenied) {
      stats.denied.increment();
      String echo =
          config.echoRequestInErrors
              ? " Request: " + SimXml.escape(exchange.getRequestHeaders().toString())
              : "";
      dialect.denied(exchange, action, echo);
      return false;
    }
    if (!action.equals("DescribeRegions") && !estate.isEnabled(account, region)) {
      if (dialect.json()) {
        SimDialect.error(
            exchange,
            400,
            "UnrecognizedClientException",
            "The security token included in the request is invalid.");
      } else {
        xml(
            exchange,
            401,
            SimXml.ec2Error(
                "AuthFailure", "AWS was not able to validate the provided access credentials"));
      }
      return false;
    }
    return true;
  }

  /** An EC2-style token bucket: a burst, refilled at a steady rate. */
  static final class TokenBucket {
    private final int burst;
    private final double refillPerNano;
    private double tokens;
    private long last = System.nanoTime();

    TokenBucket(int burst, double refillPerSecond) {
      this.burst = burst;
      this.refillPerNano = refillPerSecond / 1e9;
      this.tokens = burst;
    }

    synchronized boolean take() {
      long now = System.nanoTime();
      tokens = Math.min(burst, tokens + (now - last) * refillPerNano);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }
}
