package io.awsinventory.cli;

import io.awsinventory.InventoryException;
import io.awsinventory.output.FolderLock;
import io.awsinventory.output.RunSummary;
import io.awsinventory.output.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aws-inventory current DIR}: the folder a reader should read the current set from. A reader
 * that resolves it once and reads every file inside sees one run's set, whatever runs commit
 * meanwhile; reading the plain names one by one may mix two runs' files.
 */
@Command(
    name = "current",
    description =
        "Print the folder that holds the current set of files of an output folder: resolve it"
            + " once, then read every file inside it, and the files come from one run.",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExample:%n",
    footer = {
      "    set=$(aws-inventory current /var/lib/aws-inventory) && cat \"$set/ec2_instances.csv\""
    })
public final class CurrentCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The output folder of collect (--output-dir).")
  Path dir;

  @Override
  public Integer call() {
    Path folder = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(folder)) {
      throw InventoryException.invalidInput("DIR", folder + " is not a folder");
    }
    Path set;
    boolean linkBased;
    try {
      set = Workspace.currentSet(folder);
      linkBased = Workspace.linkBased(folder);
    } catch (FolderLock.UnsafeException e) {
      throw InventoryException.invalidInput("DIR", e.getMessage());
    } catch (IOException e) {
      throw InventoryException.invalidInput("DIR", "cannot read " + folder + ": " + e.getMessage());
    }
    if (!Files.isRegularFile(set.resolve(RunSummary.FILE_NAME))) {
      throw InventoryException.invalidInput("DIR", folder + " holds no committed set of files");
    }
    if (!linkBased) {
      spec.commandLine()
          .getErr()
          .println(
              "aws-inventory: "
                  + folder
                  + " holds its set as plain files (no links on this file system): files are"
                  + " replaced one by one, run_summary.json last; read run_summary.json, then the"
                  + " files, and read run_summary.json again to see that it did not change");
      spec.commandLine().getErr().flush();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(set);
    out.flush();
    return 0;
  }
}
