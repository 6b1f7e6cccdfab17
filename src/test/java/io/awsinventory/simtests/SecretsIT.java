package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets never leave the process: with --verbose, a log file and failing calls, neither the secret
 * access key nor the session token appears in stdout, stderr, the log, the summary or any file.
 */
class SecretsIT {
  private static final String SECRET = "Zq9SECRETxDistinctive/Key+Value0123456789";
  private static final String TOKEN = "IQoTOKENxDistinctiveSessionToken//9876543210abcdef==";

  @TempDir Path dir;

  private static List<String> args(String command, AwsSimulator sim, Path dir, String... extra) {
    List<String> args = sim.commandFromManagement(command, sim.endpoint().toString(), SECRET);
    args.addAll(
        List.of(
            "--session-token",
            TOKEN,
            "--list-accounts",
            "--verbose",
            "--log-file",
            dir.resolve(command + ".log").toString()));
    args.addAll(List.of(extra));
    return args;
  }

  private static String everything(Path dir) throws Exception {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        all.append(Files.readString(file));
      }
    }
    return all.toString();
  }

  @Test
  void collectAndCheck_withVerboseLogsAndFailures_neverShowTheSecrets() throws Exception {
    SimConfig config =
        new SimConfig()
            .accounts(3)
            .deniedApis("DescribeImages", "ListAccounts")
            .serverErrorRate(0.05);
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      JarRun collect =
          JarRun.start(args("collect", sim, dir, "--output-dir", dir.resolve("out").toString()));
      int collectCode = collect.waitFor();
      JarRun check = JarRun.start(args("check", sim, dir));
      int checkCode = check.waitFor();
      List<String> withoutListing =
          args("collect", sim, dir, "--output-dir", dir.resolve("out2").toString());
      withoutListing.remove("--list-accounts");
      JarRun partial = JarRun.start(withoutListing);
      int partialCode = partial.waitFor();

      // the organization listing is denied: exit 4; without it, images are denied: exit 3
      assertThat(collectCode).as(collect.err()).isEqualTo(4);
      assertThat(checkCode).as(check.err()).isEqualTo(4);
      assertThat(partialCode).as(partial.err()).isEqualTo(3);
      assertThat(partial.err()).contains("denied").contains("images");
      assertThat(Files.readString(dir.resolve("collect.log")))
          .contains("organizations:ListAccounts");
      String all =
          collect.out()
              + collect.err()
              + check.out()
              + check.err()
              + partial.out()
              + partial.err()
              + everything(dir);
      assertThat(all).contains("AccessDenied").contains("UnauthorizedOperation");
      assertThat(all).doesNotContain(SECRET).doesNotContain(TOKEN);
      assertThat(all)
          .doesNotContain(SECRET.substring(0, 20))
          .doesNotContain(TOKEN.substring(0, 20));
    }
  }
}
