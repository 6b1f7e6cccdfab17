package io.awsinventory.fanout;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.Security;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Cipher;

/**
 * AWS's native crypto provider (ACCP, on AWS-LC) for the TLS of a large run, where the jar carries
 * it (Linux on x86-64). The launcher runs the JVM's quick compiler, which has no use of the CPU's
 * AES and carry-less multiply instructions: the JDK's AES-GCM then runs as plain Java, and in an
 * organization's run over HTTPS it took a quarter of the collector's CPU. Loading the provider
 * costs about 0.4 s of CPU, which a run of one account does not win back, so only runs that reach
 * other accounts ask for it.
 *
 * <p>The provider goes just before the JDK's SunJCE, and only when SunJCE is the one that would
 * serve AES-GCM: a provider configured ahead of it (a FIPS module, say) keeps serving, and the
 * JDK's own providers before SunJCE (digests, signatures, random numbers) stay as they are.
 */
public final class NativeCrypto {
  /** Set to {@code off} to keep the JDK's own providers. */
  public static final String SWITCH = "AWS_INVENTORY_NATIVE_CRYPTO";

  private static final String JDK_CIPHERS = "SunJCE";
  private static final String TLS_CIPHER = "AES/GCM/NoPadding";

  private static String outcome;

  private NativeCrypto() {}

  /**
   * Puts the native provider in place once per JVM, if it can be; says what happened, for the log.
   */
  public static synchronized String enable(Map<String, String> env) {
    if (outcome == null) {
      outcome = install(env);
    }
    return outcome;
  }

  static String install(Map<String, String> env) {
    if ("off".equalsIgnoreCase(env.getOrDefault(SWITCH, "").trim())) {
      return "off (" + SWITCH + ")";
    }
    String platform = System.getProperty("os.name", "") + " " + System.getProperty("os.arch", "");
    if (!carried(platform)) {
      return "not carried for " + platform;
    }
    String serving;
    try {
      serving = Cipher.getInstance(TLS_CIPHER).getProvider().getName();
    } catch (GeneralSecurityException e) {
      return "not used: " + TLS_CIPHER + " is not available (" + e.getMessage() + ")";
    }
    if (!JDK_CIPHERS.equals(serving)) {
      return "not used: " + TLS_CIPHER + " is served by " + serving;
    }
    AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
    Throwable failure = provider.getLoadingError();
    if (failure != null) {
      return "not loaded: " + failure;
    }
    Security.insertProviderAt(provider, positionOf(JDK_CIPHERS));
    return provider.getName() + " " + provider.getVersionStr() + " before " + JDK_CIPHERS;
  }

  /** The platforms whose native library the jar carries. */
  static boolean carried(String platform) {
    String p = platform.toLowerCase(Locale.ROOT);
    return p.startsWith("linux") && (p.endsWith(" amd64") || p.endsWith(" x86_64"));
  }

  /** The 1-based place of a provider in the JVM's list. */
  private static int positionOf(String name) {
    Provider[] providers = Security.getProviders();
    for (int i = 0; i < providers.length; i++) {
      if (providers[i].getName().equals(name)) {
        return i + 1;
      }
    }
    return providers.length + 1;
  }
}
