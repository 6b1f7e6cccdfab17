package io.awsinventory.cli;

import io.awsinventory.ExitCode;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import sun.misc.Signal;

/**
 * Turns SIGINT (Ctrl-C) and SIGTERM (cron, schedulers, {@code kill}) into an orderly stop with exit
 * code {@value ExitCode#INTERRUPTED_CODE}: the shutdown hooks remove the run's temporary files,
 * leave the previous set of files in place, and say what was done.
 */
final class Interruption {
  private static final AtomicReference<String> SIGNAL = new AtomicReference<>();

  /**
   * Whether the running collect's new files are in place, waiting for a commit under way to end;
   * set when a collect starts. The signal handler is the process's, so this is too.
   */
  private static volatile BooleanSupplier newFilesInPlace = () -> false;

  private Interruption() {}

  /** Tells the signal handler how to find out whether the run's new files are in place. */
  static void watch(BooleanSupplier filesInPlace) {
    newFilesInPlace = filesInPlace;
  }

  /**
   * A signal after the new set was swapped in ends the run with 0 (the files are complete and in
   * place); before, with 130 and the previous set untouched. A commit under way is waited for.
   */
  static int exitCodeOnSignal(BooleanSupplier filesInPlace) {
    return filesInPlace.getAsBoolean() ? ExitCode.OK.code() : ExitCode.INTERRUPTED.code();
  }

  static void install(PrintWriter err) {
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal.handle(
            new Signal(name),
            signal -> {
              if (SIGNAL.compareAndSet(null, "SIG" + signal.getName())) {
                err.println("aws-inventory: SIG" + signal.getName() + " received, stopping");
                err.flush();
                new Thread(
                        () -> System.exit(exitCodeOnSignal(newFilesInPlace)), "aws-inventory-stop")
                    .start();
              }
            });
      } catch (IllegalArgumentException unsupported) {
        // this platform has no such signal
      }
    }
  }
}
