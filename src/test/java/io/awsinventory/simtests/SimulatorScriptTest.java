package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code scripts/simulator.sh} as a user meets it: help, and one line for a wrong option. */
class SimulatorScriptTest {
  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) throws Exception {
    String[] command = new String[args.length + 2];
    command[0] = "bash";
    command[1] = "scripts/simulator.sh";
    System.arraycopy(args, 0, command, 2, args.length);
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), out, err);
  }

  @Test
  void help_printsTheOptions_exit0() throws Exception {
    Result result = run("--help");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("Usage: scripts/simulator.sh").contains("--latency-ms");
  }

  @Test
  void unknownOption_isOneLine_exit2() throws Exception {
    Result result = run("--no-such-knob", "1");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err().strip())
        .isEqualTo("simulator: unknown simulator option --no-such-knob (see --help)");
  }
}
