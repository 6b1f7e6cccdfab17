package io.awsinventory.auth;

/**
 * The base credentials as asked for; secrets are held here and nowhere else.
 *
 * @param sources where each part of static keys came from ({@code access-key-id} → {@code
 *     --access-key-id}, {@code session-token} → {@code AWS_SESSION_TOKEN}, …), for the summary
 */
public record CredentialsSpec(
    String accessKeyId,
    String secretAccessKey,
    String sessionToken,
    String profile,
    String webIdentityTokenFile,
    String webIdentityRoleArn,
    java.util.Map<String, String> sources) {

  public CredentialsSpec {
    sources = java.util.Map.copyOf(sources);
  }

  public CredentialsSpec(
      String accessKeyId,
      String secretAccessKey,
      String sessionToken,
      String profile,
      String webIdentityTokenFile,
      String webIdentityRoleArn) {
    this(
        accessKeyId,
        secretAccessKey,
        sessionToken,
        profile,
        webIdentityTokenFile,
        webIdentityRoleArn,
        java.util.Map.of());
  }

  /** Nothing given: the SDK's default chain finds the credentials. */
  public boolean isDefaultChain() {
    return accessKeyId == null && profile == null && webIdentityTokenFile == null;
  }

  public boolean isStaticKeys() {
    return accessKeyId != null;
  }

  public String describe() {
    if (isStaticKeys()) {
      return sessionToken != null ? "static keys with session token" : "static keys";
    }
    if (profile != null) {
      return "profile " + profile;
    }
    if (webIdentityTokenFile != null) {
      return "web identity for " + webIdentityRoleArn;
    }
    return "default credential chain";
  }

  @Override
  public String toString() {
    return describe();
  }
}
