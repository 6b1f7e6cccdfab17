package io.awsinventory.cli;

import io.awsinventory.ExitCode;
import io.awsinventory.InventoryException;
import io.awsinventory.history.HistoryDatabase;
import io.awsinventory.history.Runs;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code aws-inventory history}: the runs the database holds. */
@Command(
    name = "history",
    description =
        "List the runs the history database holds (--database): id, end, exit code, scope and"
            + " rows per type.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    footer = {"", "Exit codes: 0 listed, 2 bad option, 6 the database could not be read."})
public final class HistoryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config = new ConfigOption();
  @Mixin DatabaseOptions database = new DatabaseOptions();

  @Override
  public Integer call() {
    ConfigFile.check(spec);
    DatabaseOptions.Settings settings =
        database
            .settings(System.getenv())
            .orElseThrow(
                () -> InventoryException.invalidInput("--database", "is needed: history reads it"));
    PrintWriter out = spec.commandLine().getOut();
    List<Runs.Run> runs;
    try (HistoryDatabase history =
        HistoryDatabase.open(settings.url(), settings.user(), settings.password())) {
      runs = Runs.list(history);
    } catch (SQLException | RuntimeException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(settings.failure("read", e));
      err.flush();
      return ExitCode.DELIVERY.code();
    }
    out.printf("%-36s  %-24s  %4s  %s%n", "run", "ended", "exit", "scope / rows");
    for (Runs.Run run : runs) {
      out.printf(
          "%-36s  %-24s  %4d  %s%n", run.runId(), run.endedAt(), run.exitCode(), run.scope());
      StringBuilder rows = new StringBuilder();
      run.rows()
          .forEach(
              (table, count) ->
                  rows.append(rows.length() == 0 ? "" : ", ")
                      .append(table)
                      .append(' ')
                      .append(count));
      out.printf("%-36s  %-24s  %4s  %s%n", "", "", "", rows.length() == 0 ? "(no rows)" : rows);
    }
    out.flush();
    return ExitCode.OK.code();
  }
}
