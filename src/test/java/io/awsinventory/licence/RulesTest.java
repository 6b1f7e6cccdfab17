package io.awsinventory.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The rules file: the built-in one, matching order, and every way a file can be wrong. */
class RulesTest {
  private static final String HEAD = "# a comment\nversion\t1\n";

  private static Rules read(String text) throws IOException {
    return Rules.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void everyBuiltInRule_citesItsSourceAndDate() {
    assertThat(Rules.builtIn().rules())
        .hasSizeGreaterThanOrEqualTo(10)
        .allSatisfy(
            rule -> {
              assertThat(rule.source()).isNotBlank();
              assertThat(rule.date()).matches("\\d{4}-\\d{2}-\\d{2}");
            });
  }

  @Test
  void theFirstMatchingRuleWins() throws IOException {
    Rules rules =
        read(
            HEAD
                + "a\tSQL Server\tExpress\t*\t*\tcovered\tnote=free\tcore\ts\t2026-01-01\n"
                + "b\tSQL Server\t*\thost\tbyol\tvcpus-or-host-cores\tmin=4;min-per-processor=4"
                + "\tcore\ts\t2026-01-01\n"
                + "c\t*\t*\t*\t*\tvcpus\tmin=1\tcore\ts\t2026-01-01\n");

    assertThat(rules.match("SQL Server", "Express", Rules.Placement.HOST, false).id())
        .isEqualTo("a");
    assertThat(rules.match("SQL Server", "Standard", Rules.Placement.HOST, false).id())
        .isEqualTo("b");
    assertThat(rules.match("SQL Server", "Standard", Rules.Placement.HOST, true).id())
        .isEqualTo("c");
    assertThat(rules.match("Anything", "", Rules.Placement.RDS, true).id()).isEqualTo("c");
  }

  /** Files written with | for a tab and / for a line end, and what their refusal says. */
  static Stream<Arguments> wrongFiles() {
    return Stream.of(
        Arguments.of("a|P|*|*|*|covered||core|s|2026-01-01", "starts with the line"),
        Arguments.of("version|2", "starts with the line"),
        Arguments.of("version|1/a|P|*|*|*|covered||core|s", "a rule has 10"),
        Arguments.of("version|1/a|P|*|*|*|guess||core|s|2026-01-01", "unknown method guess"),
        Arguments.of(
            "version|1/a|P|*|cloud|*|covered||core|s|2026-01-01", "unknown placement cloud"),
        Arguments.of("version|1/a|P|*|*|free|covered||core|s|2026-01-01", "licence is included"),
        Arguments.of("version|1/a|P|*|*|*|vcpus||core|s|2026-01-01", "vcpus needs min=N"),
        Arguments.of("version|1/a|P|*|*|*|vcpus|min=0|core|s|2026-01-01", "vcpus needs min=N"),
        Arguments.of(
            "version|1/a|P|*|*|*|vcpus|min=4;max=2|core|s|2026-01-01",
            "vcpus takes min, not max=2"),
        Arguments.of("version|1/a|P|*|*|*|covered||core|s|6 Dec 2026", "the date is YYYY-MM-DD"),
        Arguments.of("version|1/a||*|*|*|covered||core|s|2026-01-01", "cell 2 is empty"),
        Arguments.of("version|1/", "no rules"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("wrongFiles")
  void aWrongFile_isRefused_namingTheProblem(String text, String problem) {
    assertThatThrownBy(() -> read(text.replace('|', '\t').replace('/', '\n')))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(problem);
  }
}
