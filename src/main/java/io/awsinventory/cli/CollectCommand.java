package io.awsinventory.cli;

import io.awsinventory.run.InventoryRun;
import io.awsinventory.run.RunConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aws-inventory collect}: the main job. */
@Command(
    name = "collect",
    description =
        "Collect EC2 instances, reserved instances, images and RDS DB instances into files.",
    mixinStandardHelpOptions = true,
    sortOptions = false)
public final class CollectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = ConfigFile.OPTION,
      paramLabel = "FILE",
      description =
          "Read options from FILE: one 'name = value' per line, named by the long option without"
              + " its dashes ('regions = us-east-1,eu-west-1'); the command line wins over the file,"
              + " the file over the environment.")
  String configFile;

  @Mixin CredentialOptions credentials = new CredentialOptions();
  @Mixin RoleOptions roles = new RoleOptions();
  @Mixin ScopeOptions scope = new ScopeOptions();
  @Mixin OutputOptions output = new OutputOptions();

  private final RunConfigFactory factory;
  private final ConsoleStreams streams;

  CollectCommand(ConsoleStreams streams) {
    this(
        new RunConfigFactory(System.getenv(), CredentialValidation.SecretPrompt.console()),
        streams);
  }

  CollectCommand(RunConfigFactory factory, ConsoleStreams streams) {
    this.factory = factory;
    this.streams = streams;
  }

  @Override
  public Integer call() throws InterruptedException {
    RunConfig config = factory.build(credentials, roles, scope, output);
    PrintWriter err = spec.commandLine().getErr();
    return new InventoryRun(
            config, err, Clock.systemUTC(), streams.progress(config.quiet(), output.verbose, err))
        .execute()
        .code();
  }
}
