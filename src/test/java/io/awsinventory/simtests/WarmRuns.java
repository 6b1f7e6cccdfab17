package io.awsinventory.simtests;

import io.awsinventory.cli.AwsInventory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The same command line run again and again inside one JVM, for the benchmark: what a run costs
 * once the JVM has loaded and compiled the collector's code, against the launcher's cold start. A
 * run starts when a line arrives on standard input (the benchmark reads the simulator's counters in
 * between and lets its token buckets refill); each prints {@code warm: run=N exit=N wall_s=F}. The
 * command's own output is dropped.
 *
 * <pre>
 * java [the launcher's JVM options] -cp target/aws-inventory.jar:target/test-classes \
 *     io.awsinventory.sim.WarmRuns collect ...
 * </pre>
 */
public final class WarmRuns {
  private WarmRuns() {}

  public static void main(String[] args) throws IOException {
    BufferedReader go =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintWriter quiet = new PrintWriter(Writer.nullWriter());
    for (int run = 1; go.readLine() != null; run++) {
      long start = System.nanoTime();
      int code = AwsInventory.execute(args, quiet, quiet);
      double wall = (System.nanoTime() - start) / 1e9;
      System.out.printf("warm: run=%d exit=%d wall_s=%.2f%n", run, code, wall);
      System.out.flush();
    }
  }
}
