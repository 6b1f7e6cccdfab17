package io.awsinventory.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** Where the set is delivered: the Data Hub's URL, tasks, keys and write mode. */
public final class DataHubOptions {
  @Option(
      names = "--datahub-url",
      paramLabel = "URL",
      description =
          "Upload the committed set to this Data Hub (environment AWS_INVENTORY_DATAHUB_URL).")
  String url;

  @Option(
      names = "--datahub-task",
      split = ",",
      paramLabel = "STEM=ID",
      description =
          "The container task of a file, by its name without extension: ec2_instances=ID,"
              + " coverage=ID, ... (environment AWS_INVENTORY_DATAHUB_TASK).")
  List<String> tasks;

  @Option(
      names = "--datahub-api-key-file",
      paramLabel = "[STEM=]FILE",
      description =
          "A file holding the API key, for every task or for one file's (keys are scoped to one"
              + " task's table); or the key in AWS_INVENTORY_DATAHUB_API_KEY. Never on the command"
              + " line.")
  List<String> keyFiles;

  @Option(
      names = "--datahub-mode",
      paramLabel = "MODE",
      description =
          "replace (default: the task's table is emptied and filled with the file) or append.")
  String mode;

  boolean given() {
    return url != null || tasks != null || keyFiles != null || mode != null;
  }
}
