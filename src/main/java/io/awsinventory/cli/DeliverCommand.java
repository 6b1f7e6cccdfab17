package io.awsinventory.cli;

import io.awsinventory.ExitCode;
import io.awsinventory.InventoryException;
import io.awsinventory.delivery.DataHubSettings;
import io.awsinventory.delivery.Delivery;
import io.awsinventory.delivery.DeliveryException;
import io.awsinventory.output.FolderLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code aws-inventory deliver DIR}: uploads the current set of DIR to the Data Hub again, the
 * files its {@code delivery.json} does not record as delivered, without collecting again.
 */
@Command(
    name = "deliver",
    description =
        "Upload the current set of a folder to the Data Hub: the files a collect run could not"
            + " deliver (delivery.json), without collecting again.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    footer = {
      "",
      "Exit codes: 0 every file delivered, 2 bad option or no set, 6 an upload failed."
    })
public final class DeliverCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config = new ConfigOption();
  @Mixin DataHubOptions datahub = new DataHubOptions();

  @Parameters(index = "0", paramLabel = "DIR", description = "The output folder of collect.")
  String dir;

  @Override
  public Integer call() throws InterruptedException {
    ConfigFile.check(spec);
    Path folder = Path.of(dir);
    if (!Files.isDirectory(folder)) {
      throw InventoryException.invalidInput("DIR", folder + " is not a folder");
    }
    DataHubSettings settings =
        new DataHubValidation(System.getenv())
            .settings(datahub, null, null)
            .orElseThrow(
                () ->
                    InventoryException.invalidInput(
                        "--datahub-url", "is needed: deliver uploads to a Data Hub"));
    boolean delivered = deliver(folder, settings, true, spec.commandLine().getErr());
    return delivered ? ExitCode.OK.code() : ExitCode.DELIVERY.code();
  }

  /** Delivers the current set of {@code folder}; whether every file was. */
  static boolean deliver(Path folder, DataHubSettings settings, boolean retry, PrintWriter err)
      throws InterruptedException {
    try {
      return new Delivery(folder, settings, err, Clock.systemUTC()).deliver(retry);
    } catch (FolderLock.HeldException e) {
      throw InventoryException.invalidInput("DIR", e.getMessage());
    } catch (DeliveryException e) {
      throw InventoryException.invalidInput("deliver", e.getMessage());
    } catch (IOException e) {
      err.println("failed: delivery: could not read the set in " + folder + ": " + e.getMessage());
      err.flush();
      return false;
    }
  }
}
