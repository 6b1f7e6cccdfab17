package io.awsinventory.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProxySettingsTest {
  @Test
  void parse_userPasswordHostPort() {
    ProxySettings proxy = ProxySettings.parse("http://svc%40corp:p%3Ass@proxy.corp:3128", null);

    assertThat(proxy.url()).isEqualTo(URI.create("http://proxy.corp:3128"));
    assertThat(proxy.username()).isEqualTo("svc@corp");
    assertThat(proxy.password()).isEqualTo("p:ss");
    assertThat(proxy.describe()).isEqualTo("http://svc@corp:****@proxy.corp:3128");
    assertThat(proxy.toString()).doesNotContain("p:ss");
  }

  @Test
  void parse_withoutSchemeOrPort_takesHttpAndItsPort() {
    assertThat(ProxySettings.parse("proxy.corp", null).url())
        .isEqualTo(URI.create("http://proxy.corp:80"));
    assertThat(ProxySettings.parse("https://proxy.corp", null).url())
        .isEqualTo(URI.create("https://proxy.corp:443"));
  }

  @Test
  void parse_refusesOtherSchemesAndPaths_withoutShowingThePassword() {
    assertThatThrownBy(() -> ProxySettings.parse("socks5://u:hidden-pass@h:1080", null))
        .hasMessage("'socks5://u:****@h:1080' is not an http:// or https:// proxy URL");
    assertThatThrownBy(() -> ProxySettings.parse("http://h:3128/some/path", null))
        .hasMessageContaining("has a path");
    assertThatThrownBy(() -> ProxySettings.parse("http://:hidden-pass@/", null))
        .hasMessageNotContaining("hidden-pass");
  }

  @Test
  void parse_slightlyWrongUrls_neverShowThePassword() {
    for (String url :
        new String[] {
          "puser:SECRET-one-4711@proxy:3128/path",
          "http://puser:PA/SS-two-4711@proxy:3128",
          "http://puser:P@SS-three-4711@proxy:3128/x",
          "ftp://puser:SECRET-four-4711@proxy:99",
          "http://puser:SECRET-five-4711@proxy:99999"
        }) {
      assertThatThrownBy(() -> ProxySettings.parse(url, null))
          .as(url)
          .hasMessageNotContaining("4711")
          .hasMessageContaining("puser:****@");
    }
  }

  @Test
  void noProxy_coversHostsDomainsAndEverything() {
    ProxySettings proxy =
        ProxySettings.parse(
            "http://p:1", " Internal.Corp, .vpce.amazonaws.com ,10.0.0.1:8443,*.svc,[::1] ");
    Set<String> patterns = proxy.nonProxyHostPatterns();

    assertThat(matches(patterns, "internal.corp")).isTrue();
    assertThat(matches(patterns, "a.internal.corp")).isTrue();
    assertThat(matches(patterns, "notinternal.corp")).isFalse();
    assertThat(matches(patterns, "ec2.vpce.amazonaws.com")).isTrue();
    assertThat(matches(patterns, "ec2.us-east-1.amazonaws.com")).isFalse();
    assertThat(matches(patterns, "10.0.0.1")).isTrue();
    assertThat(matches(patterns, "10.0.0.10")).isFalse();
    assertThat(matches(patterns, "db.svc")).isTrue();
    assertThat(matches(patterns, "::1")).isTrue();
    assertThat(matches(ProxySettings.parse("p:1", "*").nonProxyHostPatterns(), "any.host"))
        .isTrue();
    assertThat(ProxySettings.parse("p:1", "").nonProxyHostPatterns()).isEmpty();
  }

  private static boolean matches(Set<String> patterns, String host) {
    return patterns.stream().anyMatch(host::matches);
  }
}
