package io.awsinventory.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.awsinventory.ExitCode;
import io.awsinventory.InventoryException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedConfigFilesTest {
  private static final String CONFIG = "aws.configFile";
  private static final String CREDENTIALS = "aws.sharedCredentialsFile";

  @TempDir Path dir;
  private Path config;
  private Path credentials;

  @BeforeEach
  void files() throws Exception {
    config =
        Files.writeString(
            dir.resolve("config"),
            "[profile prod]\nregion = eu-west-1\nuse_fips_endpoint = true\n");
    credentials =
        Files.writeString(
            dir.resolve("credentials"),
            "[prod]\naws_access_key_id = AKIAPROD\naws_secret_access_key = s3cr3t\n");
    System.setProperty(CONFIG, config.toString());
    System.setProperty(CREDENTIALS, credentials.toString());
  }

  @AfterEach
  void clear() {
    System.clearProperty(CONFIG);
    System.clearProperty(CREDENTIALS);
  }

  @Test
  void readsBothFiles_forTheClientsAndTheCredentialProviders() {
    SharedConfigFiles files = SharedConfigFiles.readOnce();

    assertThat(files.snapshot().profile("prod").flatMap(p -> p.property("region")))
        .contains("eu-west-1");
    assertThat(files.snapshot().profile("prod").flatMap(p -> p.property("aws_access_key_id")))
        .contains("AKIAPROD");
    assertThat(files.live().get().profile("prod").flatMap(p -> p.property("aws_access_key_id")))
        .contains("AKIAPROD");
  }

  @Test
  void aFileTheSdkCannotParse_isBadInputNamingIt() throws Exception {
    Files.writeString(config, "region = us-east-1\n[profile prod\n");

    assertThatThrownBy(SharedConfigFiles::readOnce)
        .isInstanceOfSatisfying(
            InventoryException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
        .hasMessage(config + ": cannot be read: Expected a profile definition on line 1");
    assertThatThrownBy(SharedConfigFiles::current)
        .hasMessageStartingWith(config + ": cannot be read: ");
  }
}
