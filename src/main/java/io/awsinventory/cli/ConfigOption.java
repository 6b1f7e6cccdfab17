package io.awsinventory.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config FILE}, read by {@link ConfigFile} as the command's default values. */
public final class ConfigOption {
  @Option(
      names = ConfigFile.OPTION,
      paramLabel = "FILE",
      description =
          "Read options from FILE: one 'name = value' per line, named by the long option without"
              + " its dashes ('regions = us-east-1,eu-west-1'); the command line wins over the file,"
              + " the file over the environment.")
  Path file;
}
