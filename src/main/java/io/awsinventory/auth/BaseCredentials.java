package io.awsinventory.auth;

import io.awsinventory.Secrets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsWebIdentityTokenFileCredentialsProvider;

/**
 * The credentials the run starts from: static keys, a named profile, a web identity token, or the
 * SDK's default chain.
 */
public final class BaseCredentials implements AutoCloseable {
  private final AwsCredentialsProvider provider;
  private final StsClient webIdentitySts;
  private final List<RoleHop> profileHops;

  private BaseCredentials(AwsCredentialsProvider provider, StsClient webIdentitySts) {
    this(provider, webIdentitySts, List.of());
  }

  private BaseCredentials(
      AwsCredentialsProvider provider, StsClient webIdentitySts, List<RoleHop> profileHops) {
    this.provider = provider;
    this.webIdentitySts = webIdentitySts;
    this.profileHops = profileHops;
  }

  /**
   * @param sharedFiles the shared config and credentials files, for the providers that read them
   */
  public static BaseCredentials of(
      CredentialsSpec spec,
      StsClients clients,
      SessionSettings settings,
      Supplier<ProfileFile> sharedFiles) {
    if (spec.isStaticKeys()) {
      return new BaseCredentials(
          StaticCredentialsProvider.create(
              spec.sessionToken() != null
                  ? AwsSessionCredentials.create(
                      spec.accessKeyId(), spec.secretAccessKey(), spec.sessionToken())
                  : AwsBasicCredentials.create(spec.accessKeyId(), spec.secretAccessKey())),
          null);
    }
    if (spec.profile() != null) {
      ProfileRoles profile = ProfileRoles.resolve(spec.profile(), sharedFiles);
      return new BaseCredentials(profile.base(), null, profile.hops());
    }
    if (spec.webIdentityTokenFile() != null) {
      registerToken(Path.of(spec.webIdentityTokenFile()));
      // AssumeRoleWithWebIdentity is not signed: the token is the proof
      StsClient sts = clients.sts(AnonymousCredentialsProvider.create(), settings.homeRegion());
      return new BaseCredentials(
          registering(
              StsWebIdentityTokenFileCredentialsProvider.builder()
                  .stsClient(sts)
                  .webIdentityTokenFile(Path.of(spec.webIdentityTokenFile()))
                  .roleArn(spec.webIdentityRoleArn())
                  .roleSessionName(settings.sessionName())
                  .asyncCredentialUpdateEnabled(false)
                  .build()),
          sts);
    }
    return new BaseCredentials(
        DefaultCredentialsProvider.builder().profileFile(sharedFiles).build(), null);
  }

  private static AwsCredentialsProvider registering(AwsCredentialsProvider provider) {
    return new RegisteringCredentials(provider);
  }

  /** The web identity token is a secret too: it proves who the run is. */
  private static void registerToken(Path file) {
    try {
      Secrets.register(java.nio.file.Files.readString(file).strip());
    } catch (java.io.IOException | SecurityException unreadable) {
      // the provider reports it, with the file's name, when it reads the token itself
    }
  }

  public AwsCredentialsProvider provider() {
    return provider;
  }

  /** The roles a profile with {@code role_arn} assumes before the run's own chain. */
  public List<RoleHop> profileHops() {
    return profileHops;
  }

  /** Whether the base credentials are a role session, so that the next hop is role chaining. */
  public boolean isRoleSession(CredentialsSpec spec) {
    return spec.webIdentityTokenFile() != null || spec.sessionToken() != null;
  }

  @Override
  public void close() {
    if (provider instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    if (webIdentitySts != null) {
      webIdentitySts.close();
    }
  }
}
