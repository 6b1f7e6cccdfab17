package io.awsinventory.cli;

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

class ReadAheadTest {
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

    assertThat(ReadAhead.caBundle(file).certificates()).hasSize(2);
  }

  @Test
  void readAhead_thenRead_takesWhatWasReadAhead_once() throws Exception {
    Path file = Files.writeString(dir.resolve("ahead.pem"), pem());

    ReadAhead.readBundle(file);
    Files.delete(file);

    assertThat(ReadAhead.caBundle(file).certificates()).hasSize(2);
    assertThatThrownBy(() -> ReadAhead.caBundle(file)).hasMessage("no such file: " + file);
  }

  @Test
  void readAhead_thatFailed_isReadAgain_asTheFileIsNow() throws Exception {
    Path file = dir.resolve("later.pem");

    ReadAhead.readBundle(file);
    Files.writeString(file, pem());

    assertThat(ReadAhead.caBundle(file).certificates()).hasSize(2);
  }

  @Test
  void readAhead_ofAFileWithNoCertificate_failsTheReadWithItsReason() throws Exception {
    Path file = Files.writeString(dir.resolve("not.pem"), "just text\n");

    ReadAhead.readBundle(file);

    assertThatThrownBy(() -> ReadAhead.caBundle(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(file + " holds no PEM certificate");
  }
}
