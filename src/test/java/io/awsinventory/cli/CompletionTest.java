package io.awsinventory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompletionTest {
  @Test
  void completion_printsABashAndZshScriptForEveryCommand() {
    CliRun run = CliRun.of("completion");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("complete -F")
        .contains("collect")
        .contains("check")
        .contains("--list-accounts")
        .contains("--shard");
  }
}
