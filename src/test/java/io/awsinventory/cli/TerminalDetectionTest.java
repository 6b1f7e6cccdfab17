package io.awsinventory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalDetectionTest {
  @TempDir Path dir;

  @Test
  void aFileOrDevNull_isNotATerminal() throws Exception {
    assertThat(Logging.isTerminal(Files.writeString(dir.resolve("log"), "x"))).isFalse();
    assertThat(Logging.isTerminal(Path.of("/dev/null"))).isFalse();
    assertThat(Logging.isTerminal(dir.resolve("missing"))).isFalse();
  }

  @Test
  void aPseudoTerminalDevice_isATerminal() throws Exception {
    // /dev/ptmx is the pseudo-terminal multiplexer: a terminal character device on Linux and macOS
    Path ptmx = Path.of("/dev/ptmx");
    assertThat(Files.exists(ptmx)).as("/dev/ptmx on this machine").isTrue();
    assertThat(Logging.isTerminal(ptmx)).isTrue();
  }
}
