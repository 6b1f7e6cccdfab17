package io.awsinventory.cli;

import io.awsinventory.ExitCode;
import java.io.PrintWriter;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import sun.misc.Signal;

/**
 * Turns SIGINT (Ctrl-C) and SIGTERM (cron, schedulers, {@code kill}) into an orderly stop with exit
 * code {@value ExitCode#INTERRUPTED_CODE}: the shutdown hooks remove the run's temporary files,
 * leave the previous set of files in place, and say what was done.
 */
final class Interruption {
  private static final AtomicReference<String> SIGNAL = new AtomicReference<>();

  /**
   * The running collect's exit code once its new files are in place (waiting for a commit under way
   * to end), empty before; set when a collect starts. The signal handler is the process's, so this
   * is too.
   */
  private static volatile Supplier<OptionalInt> codeOnceInPlace = OptionalInt::empty;

  private Interruption() {}

  /** Tells the signal handler how to find out whether, and with what code, the run's set is in. */
  static void watch(Supplier<OptionalInt> collectionCodeOnceInPlace) {
    codeOnceInPlace = collectionCodeOnceInPlace;
  }

  /**
   * A signal after the new set was swapped in ends the run with the collection's code (0, or 3 for
   * a partial set: the files are in place and say what they hold), never 130; before the swap, with
   * 130 and the previous set untouched. A commit under way is waited for.
   */
  static int exitCodeOnSignal(Supplier<OptionalInt> collectionCodeOnceInPlace) {
    return collectionCodeOnceInPlace.get().orElse(ExitCode.INTERRUPTED.code());
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
                        () -> System.exit(exitCodeOnSignal(codeOnceInPlace)), "aws-inventory-stop")
                    .start();
              }
            });
      } catch (IllegalArgumentException unsupported) {
        // this platform has no such signal
      }
    }
  }
}
