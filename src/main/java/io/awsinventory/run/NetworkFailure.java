package io.awsinventory.run;

import io.awsinventory.InventoryException;
import io.awsinventory.transport.ErrorClassifier;
import java.net.URI;
import java.util.Optional;

/**
 * Turns a failure to reach AWS into exit 5 with a message that names the host, the proxy if any,
 * and the cause in plain words, instead of an authentication failure.
 */
final class NetworkFailure {
  private NetworkFailure() {}

  /**
   * The exit-5 exception for {@code failure} when the network kept the call from AWS; empty when
   * AWS answered.
   *
   * @param service the service's endpoint prefix ({@code sts}, {@code organizations})
   */
  static Optional<InventoryException> of(RunConfig config, String service, Throwable failure) {
    return ErrorClassifier.networkCause(failure)
        .map(cause -> InventoryException.unreachable(message(config, service, cause), failure));
  }

  static String message(RunConfig config, String service, String cause) {
    URI endpoint = config.endpointUrl();
    String host =
        endpoint != null
            ? endpoint.getHost() + (endpoint.getPort() > 0 ? ":" + endpoint.getPort() : "")
            : service + "." + config.homeRegion() + ".amazonaws.com";
    String via = config.proxy() == null ? "" : " through the proxy " + config.proxy().describe();
    return "AWS could not be reached at "
        + host
        + via
        + ": "
        + cause
        + "; check "
        + (endpoint != null ? "--endpoint-url, " : "")
        + (config.proxy() != null ? "the proxy (--proxy, HTTPS_PROXY), " : "")
        + "the network and DNS";
  }
}
