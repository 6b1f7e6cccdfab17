package io.awsinventory.cli;

import io.awsinventory.ExitCode;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.delivery.DataHubSettings;
import io.awsinventory.delivery.Delivery;
import io.awsinventory.output.CheckReport;
import io.awsinventory.run.CheckRun;
import io.awsinventory.run.RunConfig;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aws-inventory check}: the connection test an admin runs while setting up. */
@Command(
    name = "check",
    description =
        "Test the connection: resolve each role hop, list the accounts, and make the cheapest call"
            + " for each account x region x resource; print a matrix of ok / denied / failed /"
            + " skipped with the missing IAM action where denied.",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    abbreviateSynopsis = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "    aws-inventory check --profile org-reader --list-accounts",
      "    aws-inventory check --config /etc/aws-inventory/organization.conf --output json"
    })
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin ConfigOption config = new ConfigOption();
  @Mixin CredentialOptions credentials = new CredentialOptions();
  @Mixin RoleOptions roles = new RoleOptions();
  @Mixin ScopeOptions scope = new ScopeOptions();

  /** How the check's findings are printed. */
  enum ReportFormat {
    table,
    json
  }

  /**
   * Not {@code --format}: that key of a shared config file is the collected set's format ({@code
   * format = csv}), which a check's report cannot be.
   */
  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      description =
          "How the findings are printed, as the AWS CLI's --output: ${COMPLETION-CANDIDATES}"
              + " (default: table).")
  ReportFormat format = ReportFormat.table;

  @Mixin DataHubOptions datahub = new DataHubOptions();
  @Mixin LoggingOptions logging = new LoggingOptions();

  private final RunConfigFactory factory;

  public CheckCommand() {
    this(new RunConfigFactory(System.getenv(), CredentialValidation.SecretPrompt.console()));
  }

  CheckCommand(RunConfigFactory factory) {
    this.factory = factory;
  }

  @Override
  public Integer call() throws Exception {
    ConfigFile.check(spec);
    boolean json = format == ReportFormat.json;
    RunConfig config = factory.buildForCheck(credentials, roles, scope);
    java.util.Optional<DataHubSettings> delivery =
        new DataHubValidation(factory.env()).settings(datahub, null, config.resources());
    PrintWriter out = spec.commandLine().getOut();
    CheckReport.Result result = new CheckRun(config, spec.commandLine().getErr()).run();
    if (json) {
      out.println(CheckReport.json(result));
      out.flush();
    } else {
      CheckReport.table(result, config.resources().stream().map(ResourceType::name).toList(), out);
    }
    int code = result.exitCode();
    if (delivery.isPresent()) {
      // never an upload: the API's default mode would empty the task's table
      List<String> lines =
          new Delivery(config.outputDir(), delivery.get(), spec.commandLine().getErr(), null)
              .probe();
      PrintWriter err = spec.commandLine().getErr();
      lines.forEach(err::println);
      err.flush();
      if (!Delivery.allOk(lines) && code == ExitCode.OK.code()) {
        code = ExitCode.PARTIAL.code();
      }
    }
    return code;
  }
}
