package io.awsinventory.history;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where the history is kept: {@code sqlite:PATH} (one file, nothing to install) or {@code
 * postgresql://HOST[:PORT]/DB[?sslmode=MODE]}. A PostgreSQL URL never holds a user or password:
 * those come from {@code PGUSER}/{@code PGPASSWORD}, {@code ~/.pgpass} or a password file.
 *
 * @param text the URL as given, for messages (it holds no secret)
 * @param jdbc the JDBC URL the driver connects to
 */
public record DatabaseUrl(Dialect dialect, String text, String jdbc) {
  /** The two databases the history is kept in. */
  public enum Dialect {
    SQLITE,
    POSTGRESQL
  }

  /**
   * Parses {@code text}.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static DatabaseUrl parse(String text) {
    if (text.startsWith("sqlite:")) {
      String path = text.substring("sqlite:".length());
      if (path.isBlank()) {
        throw new IllegalArgumentException("sqlite: needs the path of the database file");
      }
      try {
        Path file = Path.of(path).toAbsolutePath().normalize();
        return new DatabaseUrl(Dialect.SQLITE, "sqlite:" + file, "jdbc:sqlite:" + file);
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException("'" + path + "' is not a valid path");
      }
    }
    if (text.startsWith("postgresql://") || text.startsWith("postgres://")) {
      URI uri;
      try {
        uri = new URI(text);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("'" + text + "' is not a URL");
      }
      if (uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException(
            "a user or password does not belong in the URL: set PGUSER, and PGPASSWORD,"
                + " ~/.pgpass or --database-password-file");
      }
      String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
      if (uri.getHost() == null || database.isEmpty() || database.contains("/")) {
        throw new IllegalArgumentException(
            "'" + text + "' is not postgresql://HOST[:PORT]/DATABASE");
      }
      String query = uri.getRawQuery();
      String sslmode = null;
      if (query != null) {
        for (String pair : query.split("&")) {
          if (!pair.matches("sslmode=(disable|allow|prefer|require|verify-ca|verify-full)")) {
            throw new IllegalArgumentException(
                "takes only ?sslmode=disable|allow|prefer|require|verify-ca|verify-full, not '"
                    + pair
                    + "'");
          }
          sslmode = pair;
        }
      }
      String jdbc =
          "jdbc:postgresql://"
              + uri.getHost()
              + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
              + "/"
              + database
              + (sslmode == null ? "" : "?" + sslmode);
      return new DatabaseUrl(Dialect.POSTGRESQL, text, jdbc);
    }
    throw new IllegalArgumentException(
        "'" + text + "' is neither sqlite:PATH nor postgresql://HOST[:PORT]/DATABASE");
  }
}
