package io.awsinventory.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code aws-inventory completion}: a completion script for bash and zsh. Install with {@code
 * source <(aws-inventory completion)} in {@code ~/.bashrc} (zsh: after {@code autoload -U +X
 * bashcompinit && bashcompinit}).
 */
@Command(
    name = "completion",
    description = "Print a bash/zsh completion script: source <(aws-inventory completion)",
    mixinStandardHelpOptions = true)
public final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getOut()
        .print(AutoComplete.bash("aws-inventory", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
