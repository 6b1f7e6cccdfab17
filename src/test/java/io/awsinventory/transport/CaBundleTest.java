package io.awsinventory.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PEM bundle is read whole, and a file without a certificate says so. */
class CaBundleTest {
  @TempDir Path dir;

  /** Two certificates of the JDK's own trust store, written as a PEM bundle. */
  private static String pem() throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
    try (InputStream in = Files.newInputStream(cacerts)) {
      store.load(in, null);
    }
    List<String> aliases = new ArrayList<>(Collections.list(store.aliases()));
    Collections.sort(aliases);
    StringBuilder text = new StringBuilder();
    for (String alias : aliases.subList(0, 2)) {
      Certificate certificate = store.getCertificate(alias);
      text.append("-----BEGIN CERTIFICATE-----\n")
          .append(
              Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded()))
          .append("\n-----END CERTIFICATE-----\n");
    }
    return text.toString();
  }

  @Test
  void read_ofAPemFile_hasEveryCertificate() throws Exception {
    Path file = Files.writeString(dir.resolve("ca.pem"), pem());

    assertThat(CaBundle.read(file).certificates()).hasSize(2);
  }

  @Test
  void read_ofAFileWithNoCertificate_failsWithItsReason() throws Exception {
    Path file = Files.writeString(dir.resolve("not.pem"), "just text\n");

    assertThatThrownBy(() -> CaBundle.read(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + " holds no PEM certificate");
  }
}
