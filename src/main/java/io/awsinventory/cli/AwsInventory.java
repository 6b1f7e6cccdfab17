package io.awsinventory.cli;

import io.awsinventory.ExitCode;
import io.awsinventory.InventoryException;
import io.awsinventory.Printable;
import io.awsinventory.Secrets;
import io.awsinventory.Version;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.collect.ResourceTypes;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/** The {@code aws-inventory} command and its subcommands. */
@Command(
    name = "aws-inventory",
    mixinStandardHelpOptions = true,
    versionProvider = AwsInventory.VersionProvider.class,
    subcommands = {
      CollectCommand.class,
      CheckCommand.class,
      PolicyCommand.class,
      SchemaCommand.class,
      CurrentCommand.class,
      DeliverCommand.class,
      ReportCommand.class,
      LoadCommand.class,
      HistoryCommand.class,
      DiffCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  every planned account x region x resource was collected",
      "  1  unexpected internal error (a bug; --verbose shows the stack trace)",
      "  2  usage or configuration error; no inventory call was made",
      "  3  partial: some targets failed or were denied; files were written for the rest",
      "  4  authentication failed before any target could be collected",
      "  5  AWS could not be reached (connection refused, DNS, proxy, TLS, time-out)",
      "  6  the set was committed, but an upload to the Data Hub failed (see delivery.json)",
      "130  interrupted (SIGINT, SIGTERM); the previous set of files is untouched"
    })
public final class AwsInventory implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Without a command, the usage: what there is to run. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    // writes to whatever System.err is at the time, so that the log file teed in later gets it too
    PrintWriter err = new PrintWriter(new CurrentStderr(), true, Charset.defaultCharset());
    // first, before any slow start-up work: a stop at any instant from here on is exit 130
    Interruption.install(err);
    PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
    AtomicReference<ConsoleStreams> streams = new AtomicReference<>(ConsoleStreams.NONE);
    CommandLine commandLine = commandLine(streams::get);
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setExecutionStrategy(
        parseResult -> {
          CommandSpec command = executed(parseResult).commandSpec();
          try {
            ConfigFile.check(command);
            streams.set(
                Logging.configure(isVerbose(parseResult), stringValue(command, "--log-file")));
          } catch (InventoryException e) {
            err.println("aws-inventory: " + shown(e.getMessage()));
            err.flush();
            return e.exitCode().code();
          }
          PrintStream log = streams.get().logFile();
          if (log != null) {
            log.println(RunLine.opening(Version.tool(), parseResult));
          }
          return new CommandLine.RunLast().execute(parseResult);
        });
    int code = commandLine.execute(args);
    PrintStream log = streams.get().logFile();
    if (log != null) {
      log.println(RunLine.closing(code, streams.get().totals().get()));
      log.flush();
      if (log.checkError()) {
        // a scheduler reads the log: a run whose log was lost must not look like a clean one
        err.println(
            "aws-inventory: --log-file: could not write to the log file (disk full?);"
                + " its copy of this run is incomplete");
        err.flush();
        code = code == ExitCode.OK.code() ? ExitCode.INTERNAL.code() : code;
      }
    }
    System.exit(code);
  }

  /**
   * Runs one command line in-process, as {@code main} does but without logging set-up; the run's
   * secrets are forgotten once it has printed all it prints.
   */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = commandLine();
    commandLine.setOut(out);
    commandLine.setErr(err);
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
      Secrets.forgetAll();
    }
  }

  /**
   * The command line with the tool's error handling: one line per error, exit codes per contract.
   */
  public static CommandLine commandLine() {
    return commandLine(() -> ConsoleStreams.NONE);
  }

  private static CommandLine commandLine(Supplier<ConsoleStreams> streams) {
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
    // @FILE arguments are taken as they are: the config file is the way to read options from a file
    commandLine.setExpandAtFiles(false);
    // no option value is quoted: a stray '"' is part of the value (and its error), not a warning
    commandLine.setSplitQuotedStrings(true);
    ConfigFile.install(commandLine);
    commandLine.getCommandSpec().usageMessage().description(description());
    commandLine.getSubcommands().values().forEach(HelpSections::install);
    // wide enough that role ARN templates and file names are never cut in the middle
    commandLine.setUsageHelpWidth(110);
    return commandLine;
  }

  /** What the tool reads, every resource type named from the registry. */
  static String[] description() {
    List<String> defaults = ResourceTypes.defaults().stream().map(ResourceType::name).toList();
    List<String> optIn =
        ResourceTypes.all().stream()
            .map(ResourceType::name)
            .filter(name -> !defaults.contains(name))
            .toList();
    return new String[] {
      "Reads what runs in AWS across the accounts of an organization and their enabled regions,"
          + " and writes it as JSON, JSON Lines or CSV files.",
      "Resource types (collect --resources): "
          + String.join(", ", defaults)
          + " (the default); "
          + String.join(", ", optIn)
          + " (opt-in, for licence counting); or all."
    };
  }

  /** The innermost command the parse result reached: the one that runs. */
  private static ParseResult executed(ParseResult parseResult) {
    ParseResult result = parseResult;
    while (result.subcommand() != null) {
      result = result.subcommand();
    }
    return result;
  }

  private static String stringValue(CommandSpec command, String option) {
    OptionSpec spec = command.findOption(option);
    Object value = spec == null ? null : spec.getValue();
    return value == null ? null : value.toString();
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    if (e.getCause() instanceof CommandLine.TypeConversionException conversion
        && e.getArgSpec() instanceof OptionSpec option) {
      // a value our converter refused: its own words, as every other bad value is reported
      err.println("aws-inventory: " + option.longestName() + ": " + shown(conversion.getMessage()));
      err.flush();
      return ExitCode.USAGE.code();
    }
    String suggestion = "";
    if (e instanceof CommandLine.UnmatchedArgumentException unmatched
        && !unmatched.getUnmatched().isEmpty()) {
      String typed = unmatched.getUnmatched().get(0).split("=", 2)[0];
      suggestion =
          NearestName.nearest(typed, candidates(unmatched))
              .map(best -> "; Did you mean: " + best + "?")
              .orElse("");
    }
    // picocli starts some messages with "Error: "; the line already says it is one
    err.println(
        "aws-inventory: "
            + shown(e.getMessage()).replaceFirst("^Error: ", "")
            + suggestion
            + " (see '"
            + e.getCommandLine().getCommandSpec().qualifiedName()
            + " --help')");
    err.flush();
    return ExitCode.USAGE.code();
  }

  /** What a mistyped word may have meant: the command's options and subcommands. */
  private static java.util.Set<String> candidates(CommandLine.UnmatchedArgumentException e) {
    CommandSpec spec = e.getCommandLine().getCommandSpec();
    java.util.Set<String> names = new java.util.TreeSet<>(e.getSuggestions());
    names.addAll(spec.optionsMap().keySet());
    names.addAll(spec.subcommands().keySet());
    return names;
  }

  private static int executionError(Exception e, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    if (e instanceof InventoryException inventory) {
      err.println("aws-inventory: " + shown(inventory.getMessage()));
      err.flush();
      return inventory.exitCode().code();
    }
    if (e instanceof InterruptedException) {
      err.println("aws-inventory: interrupted; the files of the previous run are unchanged");
      err.flush();
      return ExitCode.INTERNAL.code();
    }
    err.println(
        "aws-inventory: internal error (a bug, please report it): " + shown(String.valueOf(e)));
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

  /**
   * A message as the one line it is printed on: secrets masked, and the control characters a value
   * may have brought in (a newline, an escape) shown as {@code \\uXXXX}, so no value can break or
   * forge a line.
   */
  static String shown(String message) {
    return Printable.escape(Secrets.redact(String.valueOf(message)));
  }

  /** Whether the running command is verbose, by the command line or the config file. */
  private static boolean isVerbose(ParseResult parseResult) {
    OptionSpec verbose = executed(parseResult).commandSpec().findOption("--verbose");
    return verbose != null && Boolean.TRUE.equals(verbose.getValue());
  }

  /** An output stream onto the current {@code System.err}, looked up at every write. */
  private static final class CurrentStderr extends OutputStream {
    @Override
    public void write(int b) {
      System.err.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      System.err.write(bytes, offset, length);
    }

    @Override
    public void flush() {
      System.err.flush();
    }
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
