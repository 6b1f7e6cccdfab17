package io.awsinventory.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process and captures what it prints. */
public record CliRun(int exitCode, String out, String err) {

  /** Runs {@code command}, pointed at an emulator by {@code reach}, with {@code extra} options. */
  public static CliRun of(String command, List<String> reach, String... extra) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(reach);
    args.addAll(List.of(extra));
    return of(args.toArray(String[]::new));
  }

  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = AwsInventory.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }
}
