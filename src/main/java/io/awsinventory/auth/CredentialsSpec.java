package io.awsinventory.auth;

/** The base credentials as asked for; secrets are held here and nowhere else. */
public record CredentialsSpec(
    String accessKeyId,
    String secretAccessKey,
    String sessionToken,
    String profile,
    String webIdentityTokenFile,
    String webIdentityRoleArn) {

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
