package io.awsinventory.cli;

import static io.awsinventory.InventoryException.invalidInput;

import io.awsinventory.Secrets;
import io.awsinventory.transport.CaBundle;
import io.awsinventory.transport.ProxySettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Validates where AWS is reached: the endpoint, the proxy and the CA bundle, with their variables.
 */
final class NetworkValidation {
  private final Map<String, String> env;

  NetworkValidation(Map<String, String> env) {
    this.env = env;
  }

  /**
   * {@code --endpoint-url}: an http(s) URL with a host and a port from 1 to 65535. A user and
   * password in it are dropped (AWS takes none) and kept from every message and the summary.
   */
  static URI endpoint(String option) {
    if (option == null) {
      return null;
    }
    String shown = ProxySettings.redact(option.strip());
    try {
      URI uri = new URI(option.strip());
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        throw invalidInput("--endpoint-url", "'" + shown + "' is not an http(s) URL with a host");
      }
      if (uri.getPort() == 0 || uri.getPort() > 65535) {
        throw invalidInput(
            "--endpoint-url",
            "'" + shown + "' has port " + uri.getPort() + "; a port is 1 to 65535");
      }
      return new URI(scheme, null, uri.getHost(), uri.getPort(), uri.getPath(), null, null);
    } catch (URISyntaxException e) {
      throw invalidInput("--endpoint-url", "'" + shown + "' is not a URL");
    }
  }

  /** {@code --proxy}, else {@code HTTPS_PROXY}; with {@code NO_PROXY}. */
  ProxySettings proxy(String option) {
    String source = "--proxy";
    String value = option;
    if (value == null) {
      source = env.get("HTTPS_PROXY") != null ? "HTTPS_PROXY" : "https_proxy";
      value = env.get(source);
    }
    if (value == null || (option == null && value.isBlank())) {
      return null;
    }
    String noProxy = firstNonNull(env.get("NO_PROXY"), env.get("no_proxy"));
    // its user and password are secrets before it is known to parse: no message may show them
    ProxySettings.redact(value);
    ProxySettings proxy;
    try {
      proxy = ProxySettings.parse(value, noProxy);
    } catch (IllegalArgumentException e) {
      throw invalidInput(source, e.getMessage());
    }
    Secrets.register(proxy.password());
    return proxy;
  }

  /** {@code --ca-bundle}, else {@code AWS_CA_BUNDLE}. */
  CaBundle caBundle(Path option) {
    String source = "--ca-bundle";
    Path file = option;
    if (file == null && env.get("AWS_CA_BUNDLE") != null && !env.get("AWS_CA_BUNDLE").isBlank()) {
      source = "AWS_CA_BUNDLE";
      file = Path.of(env.get("AWS_CA_BUNDLE"));
    }
    if (file == null) {
      return null;
    }
    try {
      return CaBundle.read(file);
    } catch (IllegalArgumentException e) {
      throw invalidInput(source, e.getMessage());
    }
  }

  private static String firstNonNull(String... values) {
    for (String value : values) {
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
