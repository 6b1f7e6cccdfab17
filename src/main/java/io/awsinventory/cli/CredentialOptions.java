package io.awsinventory.cli;

import java.nio.file.Path;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Base credentials: static keys, a named profile, or (none given) the SDK's default chain. */
public final class CredentialOptions {
  /** Where the base credentials come from: at most one of keys, a profile, a web identity. */
  static final class Source {
    @Option(
        names = "--access-key-id",
        paramLabel = "ID",
        description = "Access key id of the base credentials (env: AWS_ACCESS_KEY_ID).")
    String accessKeyId;

    @Option(
        names = "--profile",
        paramLabel = "NAME",
        description =
            "Named profile of the shared AWS config and credentials files (env: AWS_PROFILE).")
    String profile;

    @Option(
        names = "--web-identity-token-file",
        paramLabel = "FILE",
        description =
            "Web identity (OIDC) token file for AssumeRoleWithWebIdentity, with"
                + " --web-identity-role-arn (env: AWS_WEB_IDENTITY_TOKEN_FILE).")
    Path webIdentityTokenFile;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Source source = new Source();

  @Option(
      names = "--secret-access-key",
      paramLabel = "KEY",
      description =
          "Secret access key; prefer --secret-access-key-file, the environment"
              + " (AWS_SECRET_ACCESS_KEY) or the prompt, which keep it out of the process list.")
  String secretAccessKey;

  @Option(
      names = "--secret-access-key-file",
      paramLabel = "FILE",
      description = "Read the secret access key from the first line of FILE.")
  Path secretAccessKeyFile;

  @Option(
      names = "--session-token",
      paramLabel = "TOKEN",
      description = "Session token of temporary base credentials (env: AWS_SESSION_TOKEN).")
  String sessionToken;

  @Option(
      names = "--web-identity-role-arn",
      paramLabel = "ARN",
      description = "Role assumed with the web identity token (env: AWS_ROLE_ARN).")
  String webIdentityRoleArn;

  String accessKeyId() {
    return source == null ? null : source.accessKeyId;
  }

  String profile() {
    return source == null ? null : source.profile;
  }

  Path webIdentityTokenFile() {
    return source == null ? null : source.webIdentityTokenFile;
  }
}
