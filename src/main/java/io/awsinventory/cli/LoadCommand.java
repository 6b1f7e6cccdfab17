package io.awsinventory.cli;

import io.awsinventory.ExitCode;
import io.awsinventory.InventoryException;
import io.awsinventory.history.HistoryDatabase;
import io.awsinventory.history.Snapshots;
import io.awsinventory.output.FolderLock;
import io.awsinventory.output.PreviousSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aws-inventory load DIR}: appends the current set of DIR to the history database, as
 * collect with {@code --database} does after its commit: the way to back-fill a run whose append
 * failed.
 */
@Command(
    name = "load",
    description =
        "Append the current set of a folder to the history database (--database): a run whose"
            + " append failed, or sets collected before the database existed.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    footer = {
      "",
      "Exit codes: 0 appended, 2 bad option, no set, or a run the database holds already,"
          + " 6 the database could not be written."
    })
public final class LoadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config = new ConfigOption();
  @Mixin DatabaseOptions database = new DatabaseOptions();

  @Parameters(index = "0", paramLabel = "DIR", description = "The output folder of collect.")
  String dir;

  @Override
  public Integer call() {
    ConfigFile.check(spec);
    Path folder = Path.of(dir).toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      throw InventoryException.invalidInput("DIR", folder + " is not a folder");
    }
    DatabaseOptions.Settings settings =
        database
            .settings(System.getenv())
            .orElseThrow(
                () ->
                    InventoryException.invalidInput(
                        "--database", "is needed: load appends to a database"));
    return append(folder, settings, 0, spec.commandLine().getErr(), true).code();
  }

  /**
   * Appends the current set of {@code folder}; the exit code it comes to: OK, USAGE (no set, or a
   * run already there, said on {@code err}) or DELIVERY (the database failed, said on {@code err}).
   *
   * @param strict whether a run already in the database is an error (load) or nothing to do
   */
  static ExitCode append(
      Path folder,
      DatabaseOptions.Settings settings,
      int keepRuns,
      PrintWriter err,
      boolean strict) {
    Optional<PreviousSet> set;
    try {
      set = PreviousSet.in(folder);
    } catch (FolderLock.UnsafeException e) {
      throw InventoryException.invalidInput("DIR", e.getMessage());
    } catch (IOException e) {
      throw InventoryException.invalidInput("DIR", "cannot read " + folder + ": " + e.getMessage());
    }
    if (set.isEmpty()) {
      throw InventoryException.invalidInput("DIR", folder + " holds no committed set of files");
    }
    try (HistoryDatabase history =
        HistoryDatabase.open(settings.url(), settings.user(), settings.password())) {
      Snapshots.Appended appended = Snapshots.append(history, set.get(), keepRuns);
      err.println(
          "database: appended run "
              + appended.runId()
              + " to "
              + settings.url().text()
              + ": "
              + Snapshots.describe(appended)
              + (appended.pruned().isEmpty()
                  ? ""
                  : "; removed " + appended.pruned().size() + " older run(s) of its scope"));
      err.flush();
      return ExitCode.OK;
    } catch (Snapshots.AlreadyThereException e) {
      if (strict) {
        throw InventoryException.invalidInput("DIR", e.getMessage());
      }
      err.println("database: " + e.getMessage());
      err.flush();
      return ExitCode.OK;
    } catch (SQLException | IOException | RuntimeException e) {
      err.println(
          settings.failure("append to", e)
              + "; the files are committed: append them later with 'aws-inventory load "
              + folder
              + "'");
      err.flush();
      return ExitCode.DELIVERY;
    }
  }
}
