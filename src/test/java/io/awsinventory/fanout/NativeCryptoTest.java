package io.awsinventory.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.security.Provider;
import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

class NativeCryptoTest {
  private static final String NATIVE = "AmazonCorrettoCryptoProvider";

  @Test
  void carried_onlyLinuxOnX86_64() {
    assertThat(NativeCrypto.carried("Linux amd64")).isTrue();
    assertThat(NativeCrypto.carried("Linux x86_64")).isTrue();
    assertThat(NativeCrypto.carried("Linux aarch64")).isFalse();
    assertThat(NativeCrypto.carried("Mac OS X aarch64")).isFalse();
    assertThat(NativeCrypto.carried("Mac OS X x86_64")).isFalse();
    assertThat(NativeCrypto.carried("Windows Server 2022 amd64")).isFalse();
  }

  @Test
  void switchedOff_leavesTheProvidersAlone() {
    List<String> before = names();

    String outcome = NativeCrypto.install(Map.of(NativeCrypto.SWITCH, " OFF "));

    assertThat(outcome).isEqualTo("off (AWS_INVENTORY_NATIVE_CRYPTO)");
    assertThat(names()).isEqualTo(before);
  }

  @Test
  void install_goesJustBeforeSunJce_andOnlyTakesWhatSunJceServed() throws Exception {
    List<String> before = names();
    String platform = System.getProperty("os.name") + " " + System.getProperty("os.arch");
    try {
      String outcome = NativeCrypto.install(Map.of());

      if (!NativeCrypto.carried(platform)) {
        assertThat(outcome).isEqualTo("not carried for " + platform);
        assertThat(names()).isEqualTo(before);
        return;
      }
      assertThat(outcome).startsWith(NATIVE + " ").endsWith(" before SunJCE");
      List<String> after = names();
      assertThat(after).hasSize(before.size() + 1);
      assertThat(after.indexOf(NATIVE)).isEqualTo(after.indexOf("SunJCE") - 1);
      assertThat(after.stream().filter(n -> !n.equals(NATIVE)).toList()).isEqualTo(before);
      // TLS's cipher is the native one; what the JDK's earlier providers serve stays theirs
      assertThat(Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName()).isEqualTo(NATIVE);
      assertThat(MessageDigest.getInstance("SHA-256").getProvider().getName())
          .isEqualTo(before.get(0));

      // a provider ahead of SunJCE now serves AES-GCM: it is left to it
      assertThat(NativeCrypto.install(Map.of()))
          .isEqualTo("not used: AES/GCM/NoPadding is served by " + NATIVE);
      assertThat(names()).isEqualTo(after);
    } finally {
      Security.removeProvider(NATIVE);
    }
    assertThat(names()).isEqualTo(before);
  }

  private static List<String> names() {
    return Arrays.stream(Security.getProviders()).map(Provider::getName).toList();
  }
}
