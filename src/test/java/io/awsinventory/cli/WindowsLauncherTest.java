package io.awsinventory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What can be checked of the Windows launcher without Windows: cmd.exe ends a parenthesized block
 * at the first ")" of an expanded path such as "C:\Program Files (x86)", and splits an unquoted
 * path at its blanks. The manual check on Windows is in docs/scheduling.md.
 */
class WindowsLauncherTest {
  private static final Path SCRIPT = Path.of("scripts/aws-inventory.cmd");

  private static List<String> commands() throws Exception {
    return Files.readAllLines(SCRIPT).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.regionMatches(true, 0, "rem", 0, 3))
        .toList();
  }

  @Test
  void noParenthesizedBlocks_soAPathWithParenthesesCannotEndOne() throws Exception {
    for (String line : commands()) {
      String outsideQuotes = line.replaceAll("\"[^\"]*\"", "\"\"");
      assertThat(outsideQuotes).as(line).doesNotContain("(").doesNotContain(")");
    }
  }

  @Test
  void everyPathVariable_isExpandedInsideQuotes() throws Exception {
    Pattern path = Pattern.compile("%(~dp0|~f0|JAR|JAVA|JAVA_HOME|CRASH_LOG|LOCALAPPDATA|TEMP)%");
    for (String line : commands()) {
      Matcher matcher = path.matcher(line);
      while (matcher.find()) {
        int quotesBefore = line.substring(0, matcher.start()).replaceAll("[^\"]", "").length();
        assertThat(quotesBefore % 2).as(line + " expands " + matcher.group() + " unquoted").isOne();
      }
    }
  }

  @Test
  void javaHome_isPreferred_andArgumentsArePassedOnUnchanged() throws Exception {
    List<String> commands = commands();
    assertThat(commands).contains("if defined JAVA_HOME set \"JAVA=%JAVA_HOME%\\bin\\java.exe\"");
    String run =
        commands.stream().filter(l -> l.startsWith("\"%JAVA%\"")).findFirst().orElseThrow();
    assertThat(run).endsWith("-jar \"%JAR%\" %*");
    assertThat(commands.get(commands.size() - 1)).isEqualTo("exit /b %ERRORLEVEL%");
  }
}
