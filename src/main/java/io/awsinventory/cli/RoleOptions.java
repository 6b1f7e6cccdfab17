package io.awsinventory.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** Role chains and the accounts reached through them. */
public final class RoleOptions {
  @Option(
      names = "--assume-role-arn",
      split = ",",
      paramLabel = "ARN",
      description =
          "Roles assumed in order from the base credentials (repeatable, or comma-separated).")
  List<String> assumeRoleArns;

  @Option(
      names = "--external-id",
      paramLabel = "ID",
      description = "External id sent on every AssumeRole hop.")
  String externalId;

  @Option(
      names = "--external-ids",
      split = ",",
      paramLabel = "ID",
      description =
          "External ids per hop of --assume-role-arn, in order; an empty entry falls back to"
              + " --external-id.")
  List<String> externalIds;

  @Option(
      names = "--role-session-name",
      paramLabel = "NAME",
      description = "Session name of every hop, seen in CloudTrail (default: aws-inventory).")
  String roleSessionName;

  @Option(
      names = "--role-duration-seconds",
      paramLabel = "SECONDS",
      description =
          "Session duration asked for, 900 to 43200 (default: 3600); a chained hop gets at most"
              + " 3600, as AWS allows. Sessions renew themselves before they expire.")
  Integer roleDurationSeconds;

  @Option(
      names = "--list-accounts",
      description = "Collect every ACTIVE account of the organization (asks Organizations).")
  boolean listAccounts;

  @Option(
      names = "--organizational-unit",
      split = ",",
      paramLabel = "OU",
      description = "With --list-accounts: only accounts in these OU (or root) subtrees.")
  List<String> organizationalUnits;

  @Option(
      names = "--member-role-arn",
      split = ",",
      paramLabel = "TEMPLATE",
      description =
          "Role chain into each member account, {accountId} and {partition} filled in (default:"
              + " arn:{partition}:iam::{accountId}:role/OrganizationAccountAccessRole).")
  List<String> memberRoleArns;

  @Option(
      names = "--accounts",
      split = ",",
      paramLabel = "ID",
      description =
          "Only these accounts; without --list-accounts they are reached through --member-role-arn.")
  List<String> accounts;

  @Option(
      names = "--exclude-accounts",
      split = ",",
      paramLabel = "ID",
      description = "Never these accounts.")
  List<String> excludeAccounts;

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description =
          "Collect only the I-th of N deterministic slices of the account list, so N scheduled"
              + " jobs cover it exactly once.")
  String shard;
}
