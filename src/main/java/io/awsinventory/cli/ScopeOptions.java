package io.awsinventory.cli;

import io.awsinventory.transport.RateLimits;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where to look and what to collect. */
public final class ScopeOptions {
  @Mixin TargetOptions target = new TargetOptions();

  @Option(
      names = {"--regions", "--region"},
      split = ",",
      paramLabel = "REGION",
      description =
          "Regions to collect; omitted or empty: every region enabled for the account"
              + " (env: AWS_REGIONS).")
  List<String> regions;

  @Option(
      names = "--endpoint-url",
      paramLabel = "URL",
      description =
          "One endpoint for every AWS service (an emulator, a VPC endpoint); default: AWS's own.")
  String endpointUrl;

  @Option(
      names = "--proxy",
      paramLabel = "URL",
      description =
          "HTTP proxy for every AWS call, http://[user:password@]host:port (env: HTTPS_PROXY;"
              + " hosts in NO_PROXY are reached directly).")
  String proxy;

  @Option(
      names = "--ca-bundle",
      paramLabel = "FILE",
      description =
          "PEM certificates to verify TLS connections with, instead of Java's trust store"
              + " (env: AWS_CA_BUNDLE).")
  Path caBundle;

  @Option(
      names = "--concurrency",
      paramLabel = "N",
      description =
          "How many account x region targets are worked on at once, and the most calls in"
              + " flight toward one endpoint host, 1 to "
              + RunConfigFactory.MAX_CONCURRENCY
              + "; below it the calls in flight adapt to how fast the host answers (default: "
              + RunConfigFactory.DEFAULT_CONCURRENCY
              + ").")
  Integer concurrency;

  @Option(
      names = "--max-rate",
      paramLabel = "N",
      description =
          "At most N calls a second per account x region x API, retries included, so the run"
              + " leaves the account's API budget to its own automation; 0 for no limit (default: "
              + RateLimits.DEFAULT_PER_SECOND
              + ", half of EC2's refill rate).")
  Integer maxRate;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description =
          "How long one attempt of an AWS call may take before it is cut and retried, 1 to 3600"
              + " (default: "
              + RunConfigFactory.DEFAULT_TIMEOUT_SECONDS
              + ").")
  Integer timeoutSeconds;
}
