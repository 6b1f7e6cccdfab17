package io.awsinventory.cli;

import static io.awsinventory.InventoryException.invalidInput;

import io.awsinventory.Secrets;
import io.awsinventory.history.DatabaseUrl;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The history database: {@code --database URL} and its password file. */
public final class DatabaseOptions {
  static final String VARIABLE = "AWS_INVENTORY_DATABASE";

  @Option(
      names = "--database",
      paramLabel = "URL",
      description =
          "Keep every run in a database: sqlite:PATH (one file) or"
              + " postgresql://HOST[:PORT]/DB[?sslmode=MODE], the user from PGUSER, the password"
              + " from PGPASSWORD, ~/.pgpass or --database-password-file (environment "
              + VARIABLE
              + ").")
  String database;

  @Option(
      names = "--database-password-file",
      paramLabel = "FILE",
      description = "The PostgreSQL password, on one line of a file only its owner can read.")
  String passwordFile;

  /** Where and as whom to connect; the password null to let the driver read ~/.pgpass. */
  public record Settings(DatabaseUrl url, String user, String password) {
    /**
     * The one line that says a database step failed: what could not be done, where, and the
     * driver's reason on one line, secrets masked.
     */
    String failure(String what, Exception e) {
      return "failed: database: could not "
          + what
          + " "
          + url.text()
          + " ("
          + Secrets.redact(
              io.awsinventory.transport.ErrorClassifier.oneLine(String.valueOf(e.getMessage())))
          + ")";
    }
  }

  /** The settings, if a database is named here or in the environment; bad ones are exit 2. */
  Optional<Settings> settings(Map<String, String> env) {
    String text = database != null ? database : env.get(VARIABLE);
    String option = database != null ? "--database" : VARIABLE;
    if (text == null || text.isBlank()) {
      if (passwordFile != null) {
        throw invalidInput("--database-password-file", "needs --database");
      }
      return Optional.empty();
    }
    DatabaseUrl url;
    try {
      url = DatabaseUrl.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw invalidInput(option, e.getMessage());
    }
    String password = null;
    if (passwordFile != null) {
      try {
        password = SecretFile.read(Path.of(passwordFile), "--database-password-file", "password");
      } catch (InvalidPathException e) {
        throw invalidInput(
            "--database-password-file", "'" + passwordFile + "' is not a valid path");
      }
    } else if (env.get("PGPASSWORD") != null && !env.get("PGPASSWORD").isEmpty()) {
      password = env.get("PGPASSWORD");
      Secrets.register(password);
    }
    if (url.dialect() == DatabaseUrl.Dialect.SQLITE && passwordFile != null) {
      throw invalidInput("--database-password-file", "is for PostgreSQL; SQLite has no password");
    }
    String user = env.getOrDefault("PGUSER", System.getProperty("user.name", "postgres"));
    return Optional.of(new Settings(url, user, password));
  }
}
