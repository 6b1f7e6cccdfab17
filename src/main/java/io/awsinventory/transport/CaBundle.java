package io.awsinventory.transport;

import io.awsinventory.SmallFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code --ca-bundle FILE} ({@code AWS_CA_BUNDLE}): the PEM certificates that TLS connections are
 * verified against instead of the JVM's default trust store, as the AWS CLI does with its own
 * option. For networks whose proxy or endpoint presents a certificate from a company CA.
 *
 * @param file where the certificates were read from
 * @param certificates the trusted certificates, at least one
 */
public record CaBundle(Path file, List<X509Certificate> certificates) {

  public CaBundle {
    certificates = List.copyOf(certificates);
  }

  /** Reads every certificate of a PEM file; throws with a one-line reason when it has none. */
  public static CaBundle read(Path file) {
    List<X509Certificate> certificates = new ArrayList<>();
    try (InputStream in = new java.io.ByteArrayInputStream(SmallFiles.read(file))) {
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        if (certificate instanceof X509Certificate x509) {
          certificates.add(x509);
        }
      }
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file: " + file);
    } catch (SmallFiles.TooLargeException e) {
      throw new IllegalArgumentException(e.getMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file);
    } catch (CertificateException e) {
      throw new IllegalArgumentException(file + " holds no PEM certificate");
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(file + " holds no PEM certificate");
    }
    return new CaBundle(file, certificates);
  }

  /** Trust managers that trust these certificates and nothing else. */
  public TrustManager[] trustManagers() {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      for (int i = 0; i < certificates.size(); i++) {
        store.setCertificateEntry("ca-" + i, certificates.get(i));
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      return factory.getTrustManagers();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("could not build a trust store from " + file, e);
    }
  }
}
