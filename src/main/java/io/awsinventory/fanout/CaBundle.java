package io.awsinventory.fanout;

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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
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

  /** Bundles read ahead on a start-up thread, each taken by the first {@link #read} of its file. */
  private static final Map<Path, CompletableFuture<CaBundle>> READ_AHEAD =
      new ConcurrentHashMap<>();

  /**
   * Reads a bundle on this thread for a later {@link #read} of the same file on another: parsing a
   * system bundle of some 150 certificates takes tens of milliseconds at start-up.
   */
  public static void readAhead(Path file) {
    CompletableFuture<CaBundle> bundle = new CompletableFuture<>();
    if (READ_AHEAD.putIfAbsent(file, bundle) == null) {
      try {
        bundle.complete(parse(file));
      } catch (RuntimeException | Error e) {
        // completed either way: a read waiting on it must never wait for ever
        bundle.completeExceptionally(e);
      }
    }
  }

  /**
   * Reads every certificate of a PEM file, or takes what {@link #readAhead} read of it; throws with
   * a one-line reason when it has none.
   */
  public static CaBundle read(Path file) {
    CompletableFuture<CaBundle> ahead = READ_AHEAD.remove(file);
    if (ahead != null) {
      try {
        return ahead.join();
      } catch (CompletionException e) {
        // read again below: the reason is then the file's as it is now
      }
    }
    return parse(file);
  }

  private static CaBundle parse(Path file) {
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
