package io.awsinventory.transport;

import io.awsinventory.Secrets;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The HTTP proxy every AWS call goes through ({@code --proxy} or {@code HTTPS_PROXY}), and the
 * hosts reached directly ({@code NO_PROXY}). The password is held here and nowhere else; {@link
 * #toString()} hides it.
 *
 * @param url the proxy as {@code scheme://host:port}, without user information
 * @param username the proxy user, or null
 * @param password the proxy password, or null
 * @param noProxy the {@code NO_PROXY} entries as given: host names, domain suffixes, or {@code *}
 */
public record ProxySettings(URI url, String username, String password, List<String> noProxy) {

  public ProxySettings {
    noProxy = List.copyOf(noProxy);
  }

  /**
   * Reads a proxy URL ({@code http://[user[:password]@]host[:port]}) and a {@code NO_PROXY} list
   * (comma separated). Throws {@link IllegalArgumentException} with a message that never shows the
   * password.
   */
  public static ProxySettings parse(String proxy, String noProxy) {
    String text = proxy.strip();
    redact(text);
    if (!text.contains("://")) {
      text = "http://" + text;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + redact(proxy) + "' is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(
          "'" + redact(proxy) + "' is not an http:// or https:// proxy URL");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("'" + redact(proxy) + "' has no host");
    }
    if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
      throw new IllegalArgumentException(
          "'" + redact(proxy) + "' has a path; give scheme://host:port");
    }
    if (uri.getPort() == 0 || uri.getPort() > 65535) {
      throw new IllegalArgumentException(
          "'" + redact(proxy) + "' has port " + uri.getPort() + "; a port is 1 to 65535");
    }
    int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    String username = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      username = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
      password = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
    }
    return new ProxySettings(
        URI.create(scheme + "://" + hostForUri(uri.getHost()) + ":" + port),
        username,
        password,
        noProxyEntries(noProxy));
  }

  private static String hostForUri(String host) {
    return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
  }

  private static List<String> noProxyEntries(String noProxy) {
    Set<String> entries = new LinkedHashSet<>();
    if (noProxy != null) {
      for (String raw : noProxy.split(",")) {
        String entry = raw.strip().toLowerCase(Locale.ROOT);
        if (!entry.isEmpty()) {
          entries.add(entry);
        }
      }
    }
    return new ArrayList<>(entries);
  }

  /**
   * The {@code NO_PROXY} entries as the host patterns (regular expressions) the HTTP client matches
   * target hosts against: {@code example.com} and {@code .example.com} cover the domain and its
   * subdomains, {@code *} covers every host, a trailing {@code :port} is ignored.
   */
  public Set<String> nonProxyHostPatterns() {
    Set<String> patterns = new LinkedHashSet<>();
    for (String entry : noProxy) {
      if (entry.equals("*")) {
        patterns.add(".*");
        continue;
      }
      String host = stripPort(entry);
      if (host.startsWith("*.")) {
        host = host.substring(1);
      }
      if (host.startsWith(".")) {
        host = host.substring(1);
      }
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      patterns.add("(.*\\.)?" + Pattern.quote(host));
    }
    return patterns;
  }

  private static String stripPort(String entry) {
    if (entry.startsWith("[")) {
      int close = entry.indexOf(']');
      return close > 0 ? entry.substring(0, close + 1) : entry;
    }
    int colon = entry.indexOf(':');
    return colon > 0 && entry.indexOf(':', colon + 1) < 0 ? entry.substring(0, colon) : entry;
  }

  /** The proxy as shown in messages and the summary: the password replaced by {@code ****}. */
  public String describe() {
    if (username == null) {
      return url.toString();
    }
    return url.getScheme()
        + "://"
        + username
        + (password == null ? "" : ":****")
        + "@"
        + url.getRawAuthority();
  }

  @Override
  public String toString() {
    return describe();
  }

  private static String decoded(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notEncoded) {
      return text;
    }
  }

  /**
   * A URL as given, with whatever stands before its last {@code @} (a user and password, however
   * they are spelled: without a scheme, with a {@code /} or an {@code @} in the password) replaced
   * by {@code ****}; the hidden part is registered as a secret, so no later message shows it
   * either.
   */
  public static String redact(String url) {
    int at = url.lastIndexOf('@');
    if (at < 0) {
      return url;
    }
    int scheme = url.indexOf("://");
    int start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
    String userInfo = url.substring(start, at);
    int colon = userInfo.indexOf(':');
    if (colon >= 0) {
      Secrets.register(userInfo.substring(colon + 1));
      Secrets.register(decoded(userInfo.substring(colon + 1)));
    }
    Secrets.register(userInfo);
    // as a Basic Proxy-Authorization header carries it: base64 of the decoded user:password
    Secrets.register(decoded(userInfo));
    String user = colon >= 0 ? userInfo.substring(0, colon) + ":" : "";
    return url.substring(0, start) + user + "****" + url.substring(at);
  }
}
