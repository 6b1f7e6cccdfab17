package io.awsinventory.cli;

import io.awsinventory.ExitCode;
import io.awsinventory.delivery.DataHubSettings;
import io.awsinventory.licence.LicenceReport;
import io.awsinventory.run.InventoryRun;
import io.awsinventory.run.RunConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aws-inventory collect}: the main job. */
@Command(
    name = "collect",
    description = "Collect the chosen resource types of every account and region into files.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    abbreviateSynopsis = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  One account, the secret key read from a file:",
      "    aws-inventory collect --access-key-id AKIAIOSFODNN7EXAMPLE \\",
      "      --secret-access-key-file ~/.aws-inventory-secret --output-dir inventory",
      "  The whole organization, through a role in each member account, as CSV:",
      "    aws-inventory collect --profile org-reader --list-accounts --format csv \\",
      "      --member-role-arn 'arn:aws:iam::{accountId}:role/InventoryReader'",
      "  Everything from a config file (see config-samples/):",
      "    aws-inventory collect --config /etc/aws-inventory/organization.conf",
      "  With the licence position of the new set (docs/licensing.md):",
      "    aws-inventory collect --config organization.conf --report --entitlements owned.csv",
      "  Test the connection and the IAM policy first:",
      "    aws-inventory check --profile org-reader --list-accounts",
      "",
      "Exit codes: 0 all collected, 2 bad option, 3 partial, 4 authentication, 5 AWS not reachable,"
          + " 6 committed but a Data Hub upload or the database append failed, 130 interrupted."
    })
public final class CollectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config = new ConfigOption();
  @Mixin CredentialOptions credentials = new CredentialOptions();
  @Mixin RoleOptions roles = new RoleOptions();
  @Mixin ScopeOptions scope = new ScopeOptions();
  @Mixin OutputOptions output = new OutputOptions();
  @Mixin DataHubOptions datahub = new DataHubOptions();

  @Option(
      names = "--report",
      description =
          "Write the licence report (licence_instances, licence_position, licence_report.html) of"
              + " the new set, committed with it.")
  boolean report;

  @Mixin LicenceOptions licence = new LicenceOptions();
  @Mixin DatabaseOptions database = new DatabaseOptions();

  @Option(
      names = "--keep-runs",
      paramLabel = "N",
      description =
          "With --database: keep the newest N runs of this collector's scope, deleting older"
              + " ones after each append (default: keep all).")
  Integer keepRuns;

  @Mixin LoggingOptions logging = new LoggingOptions();

  private final RunConfigFactory factory;
  private final Supplier<ConsoleStreams> streams;

  CollectCommand(Supplier<ConsoleStreams> streams) {
    this(
        new RunConfigFactory(System.getenv(), CredentialValidation.SecretPrompt.console()),
        streams);
  }

  CollectCommand(RunConfigFactory factory, Supplier<ConsoleStreams> streams) {
    this.factory = factory;
    this.streams = streams;
  }

  @Override
  public Integer call() throws InterruptedException {
    ConfigFile.check(spec);
    LicenceReport licenceReport = licence.report();
    Optional<DatabaseOptions.Settings> history = database.settings(factory.env());
    if (keepRuns != null && (keepRuns < 1 || history.isEmpty())) {
      throw io.awsinventory.InventoryException.invalidInput(
          "--keep-runs",
          history.isEmpty() ? "needs --database" : "keeps at least 1 run, not " + keepRuns);
    }
    RunConfig config = factory.build(credentials, roles, scope, output, logging);
    Optional<DataHubSettings> delivery =
        new DataHubValidation(factory.env()).settings(datahub, config.format(), config.resources());
    PrintWriter err = spec.commandLine().getErr();
    ConsoleStreams console = streams.get();
    InventoryRun run =
        new InventoryRun(
            config,
            err,
            Clock.systemUTC(),
            console.progress(config.quiet(), logging.verbose(), err));
    if (report) {
      run.withReport(licenceReport);
    }
    Interruption.watch(run::exitCodeOnceInPlace);
    int code = run.execute().code();
    console.totals().set(run.totals());
    boolean delivered = true;
    if (delivery.isPresent()) {
      // after the commit, from the committed set: a failed upload never costs the files
      delivered = DeliverCommand.deliver(config.outputDir(), delivery.get(), false, err);
    }
    if (history.isPresent()) {
      ExitCode appended =
          LoadCommand.append(
              config.outputDir(), history.get(), keepRuns == null ? 0 : keepRuns, err, false);
      delivered &= appended == ExitCode.OK;
    }
    return delivered ? code : ExitCode.DELIVERY.code();
  }
}
