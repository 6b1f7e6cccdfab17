package io.awsinventory.simtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for the tests: Debian's server (scripts/test.sh installs postgresql-15), a
 * cluster of its own in a temporary folder on a free loopback port, started once per test JVM and
 * stopped when it exits. As root the server runs as the postgres user (initdb refuses root). A
 * missing server fails the tests; it never skips them.
 */
final class PostgresServer {
  static final String USER = "inventory";
  static final String PASSWORD = "pg-test-Secret-81";

  private static PostgresServer running;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private final int port;

  private PostgresServer(int port) {
    this.port = port;
  }

  /** The server, started on first use. */
  static synchronized PostgresServer get() throws Exception {
    if (running == null) {
      running = start();
    }
    return running;
  }

  /** A new, empty database on the server; its URL for {@code --database}. */
  String newDatabase() throws Exception {
    String name = "history_" + DATABASES.incrementAndGet();
    try (Connection admin =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, PASSWORD);
        Statement create = admin.createStatement()) {
      create.execute("CREATE DATABASE " + name);
    }
    return "postgresql://127.0.0.1:" + port + "/" + name;
  }

  /** The JDBC URL of a database {@link #newDatabase} made. */
  static String jdbc(String url) {
    return "jdbc:" + url;
  }

  private static Path bin() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException(
          "PostgreSQL is not installed: scripts/test.sh installs postgresql-15");
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.naturalOrder())
          .orElseThrow(() -> new IllegalStateException("no initdb under " + root));
    }
  }

  private static PostgresServer start() throws Exception {
    Path bin = bin();
    Path dir = Files.createTempDirectory("aws-inventory-pg-");
    boolean root = "root".equals(System.getProperty("user.name"));
    if (root) {
      UserPrincipal postgres =
          dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
      Files.setOwner(dir, postgres);
    }
    Path password = dir.resolve("password");
    Files.writeString(password, PASSWORD + "\n");
    if (root) {
      Files.setOwner(
          password,
          dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path data = dir.resolve("data");
    run(
        root,
        bin.resolve("initdb").toString(),
        "-D",
        data.toString(),
        "-U",
        USER,
        "--pwfile=" + password,
        "-A",
        "scram-sha-256",
        "-N",
        "-E",
        "UTF8");
    run(
        root,
        bin.resolve("pg_ctl").toString(),
        "-D",
        data.toString(),
        "-l",
        dir.resolve("server.log").toString(),
        "-w",
        "-o",
        "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dir + " -c fsync=off",
        "start");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    run(
                        root,
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        data.toString(),
                        "-m",
                        "immediate",
                        "stop");
                    try (Stream<Path> files = Files.walk(dir)) {
                      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                      }
                    }
                  } catch (Exception e) {
                    // the temporary folder is left behind
                  }
                }));
    return new PostgresServer(port);
  }

  private static void run(boolean root, String... command) throws Exception {
    List<String> line = new ArrayList<>();
    if (root) {
      line.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
    }
  }
}
