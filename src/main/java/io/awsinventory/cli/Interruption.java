package io.awsinventory.cli;

import io.awsinventory.ExitCode;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * Turns SIGINT (Ctrl-C) and SIGTERM (cron, schedulers, {@code kill}) into an orderly stop with exit
 * code {@value ExitCode#INTERRUPTED_CODE}: the shutdown hooks remove the run's temporary files,
 * leave the previous set of files in place, and say what was done.
 */
final class Interruption {
  private static final AtomicReference<String> SIGNAL = new AtomicReference<>();

  private Interruption() {}

  static void install(PrintWriter err) {
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        Signal.handle(
            new Signal(name),
            signal -> {
              if (SIGNAL.compareAndSet(null, "SIG" + signal.getName())) {
                err.println("aws-inventory: SIG" + signal.getName() + " received, stopping");
                err.flush();
                new Thread(() -> System.exit(ExitCode.INTERRUPTED.code()), "aws-inventory-stop")
                    .start();
              }
            });
      } catch (IllegalArgumentException unsupported) {
        // this platform has no such signal
      }
    }
  }
}
