package io.awsinventory.cli;

import io.awsinventory.ExitCode;
import io.awsinventory.InventoryException;
import io.awsinventory.Secrets;
import io.awsinventory.Version;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.ParseResult;

/** The {@code aws-inventory} command and its subcommands. */
@Command(
    name = "aws-inventory",
    mixinStandardHelpOptions = true,
    versionProvider = AwsInventory.VersionProvider.class,
    description =
        "Reads EC2 instances, reserved instances, images and RDS DB instances across AWS accounts"
            + " and regions, and writes them as JSON, JSON Lines or CSV files.",
    subcommands = {
      CollectCommand.class,
      CheckCommand.class,
      PolicyCommand.class,
      SchemaCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  every planned account x region x resource was collected",
      "  1  unexpected internal error (a bug; --verbose shows the stack trace)",
      "  2  usage or configuration error; no inventory call was made",
      "  3  partial: some targets failed or were denied; files were written for the rest",
      "  4  authentication failed before any target could be collected"
    })
public final class AwsInventory implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a command is required: collect, check, policy, schema or completion");
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.Charset.defaultCharset());
    String[] expanded;
    ConsoleStreams streams;
    try {
      expanded = expandConfig(args, commandLine());
      streams = Logging.configure(expanded);
    } catch (InventoryException e) {
      System.err.println("aws-inventory: " + Secrets.redact(e.getMessage()));
      System.exit(e.exitCode().code());
      return;
    }
    // made after logging is set up, so that every writer it makes goes through the log file too
    CommandLine commandLine = commandLine(streams);
    PrintWriter err = new PrintWriter(System.err, true, java.nio.charset.Charset.defaultCharset());
    Interruption.install(err);
    commandLine.setOut(out);
    commandLine.setErr(err);
    System.exit(commandLine.execute(expanded));
  }

  /**
   * Runs one command line in-process: expands {@code --config}, parses, runs; returns the exit
   * code.
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = commandLine();
    commandLine.setOut(out);
    commandLine.setErr(err);
    String[] expanded;
    try {
      expanded = expandConfig(args, commandLine);
    } catch (InventoryException e) {
      err.println("aws-inventory: " + Secrets.redact(e.getMessage()));
      err.flush();
      return e.exitCode().code();
    }
    return commandLine.execute(expanded);
  }

  private static String[] expandConfig(String[] args, CommandLine commandLine) {
    boolean hasConfig =
        java.util.Arrays.stream(args)
            .anyMatch(a -> a.equals(ConfigFile.OPTION) || a.startsWith(ConfigFile.OPTION + "="));
    if (!hasConfig) {
      return args;
    }
    String subcommand =
        java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
    CommandLine sub = subcommand == null ? null : commandLine.getSubcommands().get(subcommand);
    if (sub == null || sub.getCommandSpec().findOption(ConfigFile.OPTION) == null) {
      throw InventoryException.invalidInput(
          ConfigFile.OPTION, "goes with the collect and check commands");
    }
    return ConfigFile.expand(args, sub.getCommandSpec());
  }

  /**
   * The command line with the tool's error handling: one line per error, exit codes per contract.
   */
  public static CommandLine commandLine() {
    return commandLine(ConsoleStreams.NONE);
  }

  private static CommandLine commandLine(ConsoleStreams streams) {
    CommandLine.IFactory defaults = CommandLine.defaultFactory();
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            return type == CollectCommand.class
                ? type.cast(new CollectCommand(streams))
                : defaults.create(type);
          }
        };
    CommandLine commandLine = new CommandLine(new AwsInventory(), factory);
    commandLine.setParameterExceptionHandler(AwsInventory::usageError);
    commandLine.setExecutionExceptionHandler(AwsInventory::executionError);
    return commandLine;
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println(
        "aws-inventory: "
            + Secrets.redact(e.getMessage())
            + " (see '"
            + e.getCommandLine().getCommandSpec().qualifiedName()
            + " --help')");
    err.flush();
    return ExitCode.USAGE.code();
  }

  private static int executionError(Exception e, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (e instanceof InventoryException inventory) {
      err.println("aws-inventory: " + Secrets.redact(inventory.getMessage()));
      err.flush();
      return inventory.exitCode().code();
    }
    if (e instanceof InterruptedException) {
      err.println("aws-inventory: interrupted; the files of the previous run are unchanged");
      err.flush();
      return ExitCode.INTERNAL.code();
    }
    err.println(
        "aws-inventory: internal error (a bug, please report it): "
            + Secrets.redact(String.valueOf(e)));
    if (isVerbose(parseResult)) {
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      err.print(Secrets.redact(trace.toString()));
    } else {
      err.println("aws-inventory: run again with --verbose for the stack trace");
    }
    err.flush();
    return ExitCode.INTERNAL.code();
  }

  private static boolean isVerbose(ParseResult parseResult) {
    for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
      if (result.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }

  /** Prints the tool and AWS SDK versions. */
  static final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "aws-inventory " + Version.tool(),
        "AWS SDK for Java " + Version.awsSdk(),
        "Java " + System.getProperty("java.version")
      };
    }
  }
}
