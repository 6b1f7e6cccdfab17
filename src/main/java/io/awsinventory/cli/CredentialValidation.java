package io.awsinventory.cli;

import static io.awsinventory.InventoryException.invalidInput;

import io.awsinventory.Secrets;
import io.awsinventory.SmallFiles;
import io.awsinventory.auth.CredentialsSpec;
import io.awsinventory.auth.ProfileRoles;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Validates the base credential options and the environment into a {@link CredentialsSpec}. */
final class CredentialValidation {
  /**
   * What is certainly not an access key id: AWS's are capitals and digits, emulators document
   * dummies such as {@code test}; only the empty and characters no key has are refused.
   */
  private static final Pattern ACCESS_KEY_ID = Pattern.compile("[A-Za-z0-9_]{1,128}");

  /** Asks the operator for a secret; empty when there is nobody to ask. */
  @FunctionalInterface
  interface SecretPrompt {
    Optional<String> ask(String prompt);

    static SecretPrompt console() {
      return prompt -> {
        Console console = System.console();
        if (console == null) {
          return Optional.empty();
        }
        char[] secret = console.readPassword("%s", prompt);
        return secret == null ? Optional.empty() : Optional.of(new String(secret));
      };
    }
  }

  private final Map<String, String> env;
  private final SecretPrompt prompt;

  CredentialValidation(Map<String, String> env, SecretPrompt prompt) {
    this.env = env;
    this.prompt = prompt;
    // secrets of the environment are masked whether or not this run uses them
    Secrets.register(env.get("AWS_SECRET_ACCESS_KEY"));
    Secrets.register(env.get("AWS_SESSION_TOKEN"));
  }

  CredentialsSpec credentials(CredentialOptions options, String partition) {
    if (options.webIdentityTokenFile() != null || options.webIdentityRoleArn != null) {
      return webIdentity(options, partition);
    }
    if (options.accessKeyId() == null) {
      if (options.secretAccessKey != null || options.secretAccessKeyFile != null) {
        throw invalidInput(
            options.secretAccessKey != null ? "--secret-access-key" : "--secret-access-key-file",
            "needs --access-key-id");
      }
      if (options.sessionToken != null) {
        throw invalidInput("--session-token", "needs --access-key-id and a secret access key");
      }
      String profile = blankToNull(options.profile(), "--profile");
      String source = "--profile";
      if (profile == null && isSet("AWS_PROFILE")) {
        // the profile the AWS CLI would use: resolved here too, so the summary names it
        profile = env.get("AWS_PROFILE").strip();
        source = "AWS_PROFILE";
      }
      if (profile != null && !ProfileRoles.exists(profile)) {
        throw invalidInput(
            source,
            "no profile '"
                + profile
                + "' in the shared AWS config and credentials files (~/.aws/config,"
                + " ~/.aws/credentials, or AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE)");
      }
      if (profile == null
          && isSet("AWS_WEB_IDENTITY_TOKEN_FILE")
          && isSet("AWS_ROLE_ARN")
          && !isSet("AWS_ACCESS_KEY_ID")) {
        // the SDK's default chain would take these too, but with an STS client of its own that
        // knows neither --endpoint-url, the proxy nor the CA bundle: the run's own one is used
        return webIdentity(
            Path.of(env.get("AWS_WEB_IDENTITY_TOKEN_FILE").strip()),
            env.get("AWS_ROLE_ARN").strip(),
            partition,
            "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_ROLE_ARN");
      }
      return new CredentialsSpec(null, null, null, profile, null, null);
    }
    if (options.profile() != null) {
      throw invalidInput("--profile", "cannot be combined with --access-key-id");
    }
    String keyId = options.accessKeyId().strip();
    if (!ACCESS_KEY_ID.matcher(keyId).matches()) {
      throw invalidInput("--access-key-id", "is not an access key id (letters, digits and _ only)");
    }
    if (options.secretAccessKey != null && options.secretAccessKeyFile != null) {
      throw invalidInput("--secret-access-key", "cannot be combined with --secret-access-key-file");
    }
    String secret = secret(options);
    Secrets.register(secret);
    String token = options.sessionToken;
    String tokenSource = "--session-token";
    if (token == null && env.get("AWS_SESSION_TOKEN") != null) {
      // temporary keys given as options with their token in the environment, as the AWS CLI takes
      token = env.get("AWS_SESSION_TOKEN");
      tokenSource = "AWS_SESSION_TOKEN";
    }
    if (token != null) {
      token = token.strip();
      if (token.isEmpty()) {
        throw invalidInput(tokenSource, "is empty");
      }
      Secrets.register(token);
    }
    java.util.Map<String, String> sources = new java.util.LinkedHashMap<>();
    sources.put("access-key-id", "--access-key-id");
    sources.put("secret-access-key", secretSource(options));
    if (token != null) {
      sources.put("session-token", tokenSource);
    }
    return new CredentialsSpec(keyId, secret, token, null, null, null, sources);
  }

  private static CredentialsSpec webIdentity(CredentialOptions options, String partition) {
    if (options.webIdentityTokenFile() == null) {
      throw invalidInput("--web-identity-role-arn", "needs --web-identity-token-file");
    }
    if (options.webIdentityRoleArn == null) {
      throw invalidInput("--web-identity-token-file", "needs --web-identity-role-arn");
    }
    if (options.accessKeyId() != null || options.profile() != null) {
      throw invalidInput(
          "--web-identity-token-file", "cannot be combined with --access-key-id or --profile");
    }
    return webIdentity(
        options.webIdentityTokenFile(),
        options.webIdentityRoleArn,
        partition,
        "--web-identity-token-file",
        "--web-identity-role-arn");
  }

  /** A web identity token file and role, from the options or the environment named. */
  private static CredentialsSpec webIdentity(
      Path tokenFile, String roleArn, String partition, String fileSource, String roleSource) {
    if (!Files.isReadable(tokenFile)) {
      throw invalidInput(fileSource, "cannot read " + tokenFile);
    }
    if (readFirstLine(tokenFile, fileSource).isBlank()) {
      throw invalidInput(fileSource, tokenFile + " holds no token");
    }
    String arn = AccessValidation.roleArn(roleArn, roleSource, partition);
    return new CredentialsSpec(null, null, null, null, tokenFile.toString(), arn);
  }

  private boolean isSet(String name) {
    return env.get(name) != null && !env.get(name).isBlank();
  }

  /** Where {@link #secret} takes the secret access key from. */
  private String secretSource(CredentialOptions options) {
    if (options.secretAccessKey != null) {
      return "--secret-access-key";
    }
    if (options.secretAccessKeyFile != null) {
      return "--secret-access-key-file";
    }
    return env.get("AWS_SECRET_ACCESS_KEY") != null ? "AWS_SECRET_ACCESS_KEY" : "prompt";
  }

  private String secret(CredentialOptions options) {
    String secret;
    String source;
    if (options.secretAccessKey != null) {
      secret = options.secretAccessKey;
      source = "--secret-access-key";
    } else if (options.secretAccessKeyFile != null) {
      source = "--secret-access-key-file";
      secret = readFirstLine(options.secretAccessKeyFile, source);
    } else if (env.get("AWS_SECRET_ACCESS_KEY") != null) {
      secret = env.get("AWS_SECRET_ACCESS_KEY");
      source = "AWS_SECRET_ACCESS_KEY";
    } else {
      source = "--secret-access-key";
      secret =
          prompt
              .ask("Secret access key: ")
              .orElseThrow(
                  () ->
                      invalidInput(
                          "--access-key-id",
                          "needs a secret access key: give --secret-access-key-file, set"
                              + " AWS_SECRET_ACCESS_KEY, or run in a terminal to be asked"));
    }
    secret = secret.strip();
    if (secret.isEmpty()) {
      throw invalidInput(source, "the secret access key is empty");
    }
    return secret;
  }

  private static String readFirstLine(Path file, String option) {
    try {
      List<String> lines =
          new String(SmallFiles.read(file), StandardCharsets.UTF_8).lines().toList();
      return lines.isEmpty() ? "" : lines.get(0);
    } catch (java.nio.file.NoSuchFileException e) {
      throw invalidInput(option, "no such file: " + file);
    } catch (SmallFiles.TooLargeException e) {
      throw invalidInput(option, e.getMessage());
    } catch (java.nio.file.AccessDeniedException | SecurityException e) {
      throw invalidInput(option, "permission denied reading " + file);
    } catch (IOException e) {
      throw invalidInput(option, "cannot read " + file);
    }
  }

  private static String blankToNull(String value, String option) {
    if (value == null) {
      return null;
    }
    if (value.isBlank()) {
      throw invalidInput(option, "is empty");
    }
    return value.strip();
  }
}
