package io.awsinventory.cli;

import static io.awsinventory.InventoryException.invalidInput;

import io.awsinventory.auth.AccessSpec;
import io.awsinventory.auth.MemberRoles;
import io.awsinventory.auth.RoleHop;
import io.awsinventory.discovery.AccountScope;
import io.awsinventory.discovery.Shard;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Validates the role and account options into an {@link AccessSpec}. */
final class AccessValidation {
  static final String DEFAULT_SESSION_NAME = "aws-inventory";
  static final int DEFAULT_DURATION_SECONDS = 3600;

  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:(aws|aws-cn|aws-us-gov):iam::(\\d{12}):role/[\\w+=,.@/-]{1,512}");
  private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
  private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
  private static final Pattern ORGANIZATIONAL_UNIT =
      Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|r-[0-9a-z]{4,32}");
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

  private AccessValidation() {}

  static AccessSpec build(RoleOptions options, String partition) {
    String externalId = externalId(options.externalId, "--external-id");
    List<RoleHop> master = masterChain(options, externalId, partition);
    boolean listAccounts = options.listAccounts;
    Set<String> accounts = accountIds(options.accounts, "--accounts");
    Set<String> excluded = accountIds(options.excludeAccounts, "--exclude-accounts");
    List<String> units = organizationalUnits(options.organizationalUnits, listAccounts);
    List<String> templates = memberTemplates(options.memberRoleArns, partition);
    if (!accounts.isEmpty() && excluded.containsAll(accounts)) {
      throw invalidInput(
          "--exclude-accounts", "excludes every account of --accounts: nothing would be collected");
    }
    if (options.memberRoleArns != null && !listAccounts && accounts.isEmpty()) {
      throw invalidInput("--member-role-arn", "needs --list-accounts or --accounts");
    }
    return new AccessSpec(
        master,
        new MemberRoles(templates, externalId),
        sessionName(options.roleSessionName),
        duration(options.roleDurationSeconds),
        new AccountScope(listAccounts, units, accounts, excluded, shard(options.shard)));
  }

  private static Shard shard(String value) {
    if (value == null) {
      return Shard.ALL;
    }
    Shard shard = Shard.parse(value);
    if (shard == null) {
      throw invalidInput(
          "--shard", "'" + value.strip() + "' is not I/N with 1 <= I <= N (like 2/4)");
    }
    return shard;
  }

  private static List<RoleHop> masterChain(
      RoleOptions options, String externalId, String partition) {
    List<String> arns = nonBlank(options.assumeRoleArns);
    List<String> perHop = options.externalIds == null ? List.of() : options.externalIds;
    if (!perHop.isEmpty() && perHop.size() > arns.size()) {
      throw invalidInput(
          "--external-ids",
          "has " + perHop.size() + " entries for " + arns.size() + " --assume-role-arn hops");
    }
    List<RoleHop> hops = new ArrayList<>();
    for (int i = 0; i < arns.size(); i++) {
      String arn = roleArn(arns.get(i), "--assume-role-arn", partition);
      String hopId = i < perHop.size() && !perHop.get(i).isBlank() ? perHop.get(i).strip() : null;
      hops.add(new RoleHop(arn, hopId != null ? externalId(hopId, "--external-ids") : externalId));
    }
    return hops;
  }

  static String roleArn(String value, String option, String partition) {
    String arn = value.strip();
    Matcher matcher = ROLE_ARN.matcher(arn);
    if (!matcher.matches()) {
      throw invalidInput(
          option,
          "'"
              + arn
              + "' is not an IAM role ARN (arn:"
              + partition
              + ":iam::123456789012:role/NAME)");
    }
    if (!matcher.group(1).equals(partition)) {
      throw invalidInput(
          option,
          "'"
              + arn
              + "' is in partition "
              + matcher.group(1)
              + ", the home region's is "
              + partition);
    }
    return arn;
  }

  private static List<String> memberTemplates(List<String> values, String partition) {
    List<String> templates = nonBlank(values);
    if (templates.isEmpty()) {
      return List.of(MemberRoles.DEFAULT_TEMPLATE);
    }
    List<String> result = new ArrayList<>();
    for (String template : templates) {
      String value = template.strip();
      if (!value.contains(MemberRoles.ACCOUNT_ID)) {
        throw invalidInput(
            "--member-role-arn",
            "'" + value + "' has no " + MemberRoles.ACCOUNT_ID + " to fill in each member account");
      }
      String sample = MemberRoles.fill(value, "123456789012", partition);
      if (!ROLE_ARN.matcher(sample).matches()) {
        throw invalidInput(
            "--member-role-arn",
            "'" + value + "' does not make an IAM role ARN once {accountId} is filled in");
      }
      roleArn(sample, "--member-role-arn", partition);
      result.add(value);
    }
    return result;
  }

  private static String externalId(String value, String option) {
    if (value == null) {
      return null;
    }
    String id = value.strip();
    if (!EXTERNAL_ID.matcher(id).matches()) {
      throw invalidInput(option, "must be 2 to 1224 letters, digits or the characters +=,.@:/-_");
    }
    return id;
  }

  private static String sessionName(String value) {
    if (value == null) {
      return DEFAULT_SESSION_NAME;
    }
    String name = value.strip();
    if (!SESSION_NAME.matcher(name).matches()) {
      throw invalidInput(
          "--role-session-name", "must be 2 to 64 letters, digits or the characters +=,.@-_");
    }
    return name;
  }

  private static int duration(Integer value) {
    if (value == null) {
      return DEFAULT_DURATION_SECONDS;
    }
    if (value < 900 || value > 43200) {
      throw invalidInput("--role-duration-seconds", "must be between 900 and 43200, got " + value);
    }
    return value;
  }

  private static List<String> organizationalUnits(List<String> values, boolean listAccounts) {
    List<String> units = nonBlank(values);
    if (!units.isEmpty() && !listAccounts) {
      throw invalidInput("--organizational-unit", "needs --list-accounts");
    }
    Set<String> result = new LinkedHashSet<>();
    for (String unit : units) {
      String id = unit.strip();
      if (!ORGANIZATIONAL_UNIT.matcher(id).matches()) {
        throw invalidInput(
            "--organizational-unit",
            "'" + id + "' is not an OU id (ou-xxxx-yyyyyyyy) or root id (r-xxxx)");
      }
      result.add(id);
    }
    return new ArrayList<>(result);
  }

  private static Set<String> accountIds(List<String> values, String option) {
    Set<String> ids = new LinkedHashSet<>();
    for (String value : nonBlank(values)) {
      String id = value.strip();
      if (!ACCOUNT_ID.matcher(id).matches()) {
        throw invalidInput(option, "'" + id + "' is not a 12-digit account id");
      }
      ids.add(id);
    }
    return ids;
  }

  private static List<String> nonBlank(List<String> values) {
    return values == null ? List.of() : values.stream().filter(v -> !v.isBlank()).toList();
  }
}
