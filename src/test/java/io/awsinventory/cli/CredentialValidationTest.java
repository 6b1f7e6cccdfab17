package io.awsinventory.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awsinventory.auth.CredentialsSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialValidationTest {
  private static final String ROLE = "arn:aws:iam::123456789012:role/ci-inventory";

  @TempDir Path dir;

  private static CredentialsSpec credentials(Map<String, String> env) {
    return new CredentialValidation(env, prompt -> Optional.empty())
        .credentials(new CredentialOptions(), "aws");
  }

  @Test
  void aWebIdentityInTheEnvironment_isTheRunsOwnWebIdentity() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "eyJhbGciOi.env.token\n");

    CredentialsSpec spec =
        credentials(Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString(), "AWS_ROLE_ARN", ROLE));

    assertThat(spec.webIdentityTokenFile()).isEqualTo(token.toString());
    assertThat(spec.webIdentityRoleArn()).isEqualTo(ROLE);
    assertThat(spec.describe()).isEqualTo("web identity for " + ROLE);
  }

  @Test
  void keysInTheEnvironment_comeFirst_asInTheSdksChain() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "eyJhbGciOi.env.token\n");

    CredentialsSpec spec =
        credentials(
            Map.of(
                "AWS_WEB_IDENTITY_TOKEN_FILE",
                token.toString(),
                "AWS_ROLE_ARN",
                ROLE,
                "AWS_ACCESS_KEY_ID",
                "AKIAEXAMPLE"));

    assertThat(spec.isDefaultChain()).isTrue();
  }

  @Test
  void halfAWebIdentity_isLeftToTheSdksChain() {
    assertThat(credentials(Map.of("AWS_ROLE_ARN", ROLE)).isDefaultChain()).isTrue();
  }

  @Test
  void aBadWebIdentityInTheEnvironment_namesTheVariable() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "eyJhbGciOi.env.token\n");
    Path empty = Files.writeString(dir.resolve("empty"), "\n");

    assertThatThrownBy(
            () ->
                credentials(
                    Map.of(
                        "AWS_WEB_IDENTITY_TOKEN_FILE",
                        dir.resolve("missing").toString(),
                        "AWS_ROLE_ARN",
                        ROLE)))
        .hasMessage("AWS_WEB_IDENTITY_TOKEN_FILE: cannot read " + dir.resolve("missing"));
    assertThatThrownBy(
            () ->
                credentials(
                    Map.of("AWS_WEB_IDENTITY_TOKEN_FILE", empty.toString(), "AWS_ROLE_ARN", ROLE)))
        .hasMessage("AWS_WEB_IDENTITY_TOKEN_FILE: " + empty + " holds no token");
    assertThatThrownBy(
            () ->
                credentials(
                    Map.of(
                        "AWS_WEB_IDENTITY_TOKEN_FILE", token.toString(), "AWS_ROLE_ARN", "nope")))
        .hasMessageStartingWith("AWS_ROLE_ARN: 'nope' is not an IAM role ARN");
  }
}
