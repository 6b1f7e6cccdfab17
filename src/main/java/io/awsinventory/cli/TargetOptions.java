package io.awsinventory.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** What is collected and where the partition is: shared by collect, check and policy. */
public final class TargetOptions {
  @Option(
      names = "--home-region",
      paramLabel = "REGION",
      description =
          "Region where STS and DescribeRegions are called; sets the partition"
              + " (env: AWS_REGION, AWS_DEFAULT_REGION; default: us-east-1).")
  String homeRegion;

  @Option(
      names = "--resources",
      split = ",",
      paramLabel = "TYPE",
      completionCandidates = ResourceNames.class,
      description =
          "Resource types, comma-separated: ${COMPLETION-CANDIDATES}; 'all' takes every type"
              + " (default: every type that is not opt-in).")
  List<String> resources;

  @Option(
      names = "--inventory-sync",
      paramLabel = "s3://BUCKET[/PREFIX]",
      description =
          "Read installed software (applications) from this Systems Manager Resource Data Sync,"
              + " once for the whole organization with the run's own credentials, instead of each"
              + " account's Systems Manager API.")
  String inventorySync;
}
