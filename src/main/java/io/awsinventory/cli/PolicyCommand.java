package io.awsinventory.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.auth.AccessSpec;
import io.awsinventory.auth.MemberRoles;
import io.awsinventory.auth.RoleHop;
import io.awsinventory.collect.ApplicationsCollector;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.collect.ResourceTypes;
import io.awsinventory.collect.SyncLocation;
import io.awsinventory.discovery.Partitions;
import io.awsinventory.output.Json;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code aws-inventory policy}: the least-privilege IAM policy for the chosen options. The read
 * statement belongs on the identity that collects (the last hop, and each member role); the
 * AssumeRole and Organizations statements on the identities that hop and list.
 */
@Command(
    name = "policy",
    description =
        "Print the minimal IAM policy (JSON) that collect needs for the chosen options: the read"
            + " actions, sts:AssumeRole on the roles of the chains, and the Organizations listing"
            + " with --list-accounts.",
    mixinStandardHelpOptions = true,
    sortOptions = false)
public final class PolicyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin TargetOptions target = new TargetOptions();
  @Mixin RoleOptions roles = new RoleOptions();
  @Mixin ConfigOption config = new ConfigOption();

  @Override
  public Integer call() throws JsonProcessingException {
    ConfigFile.check(spec);
    String region =
        target.homeRegion == null
            ? RunConfigFactory.DEFAULT_HOME_REGION
            : target.homeRegion.strip();
    if (!Partitions.isKnownRegion(region)) {
      throw io.awsinventory.InventoryException.invalidInput(
          "--home-region", "'" + region + "' is not a known AWS region");
    }
    String partition = Partitions.partitionOf(region);
    AccessSpec access = AccessValidation.build(roles, partition);
    spec.commandLine()
        .getOut()
        .println(
            policyJson(
                RunConfigFactory.resources(target.resources),
                InventorySyncOption.location(target),
                access,
                partition));
    spec.commandLine().getOut().flush();
    return 0;
  }

  /**
   * The policy: with no role chain and no other account, one read statement for the identity that
   * runs the tool; otherwise statements per identity, each Sid naming the identity it belongs on
   * (BaseCredentials, Hop1, …, MemberRole) and what it allows.
   */
  static String policyJson(
      List<ResourceType> resources, SyncLocation sync, AccessSpec access, String partition)
      throws JsonProcessingException {
    Set<String> actions = new TreeSet<>();
    actions.add("ec2:DescribeRegions");
    for (ResourceType type : resources) {
      if (sync != null && type == ApplicationsCollector.TYPE) {
        continue; // read from the sync bucket by the identity that lists, not in each account
      }
      actions.addAll(ResourceTypes.iamActions(type));
    }
    ObjectNode policy = Json.MAPPER.createObjectNode();
    policy.put("Version", "2012-10-17");
    ArrayNode statements = policy.putArray("Statement");
    List<RoleHop> master = access.masterChain();
    if (master.isEmpty() && !access.reachesOtherAccounts()) {
      statement(statements, "AwsInventoryReadOnly", actions, List.of("*"));
      syncStatement(statements, "AwsInventory", sync, partition);
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(policy);
    }
    for (int i = 0; i < master.size(); i++) {
      statement(
          statements,
          identity(i) + "AssumeRole",
          List.of("sts:AssumeRole"),
          List.of(master.get(i).roleArn()));
    }
    String collector = identity(master.size());
    if (access.listAccounts()) {
      List<String> listing =
          access.organizationalUnits().isEmpty()
              ? List.of("organizations:ListAccounts")
              : List.of(
                  "organizations:ListAccountsForParent",
                  "organizations:ListOrganizationalUnitsForParent");
      statement(statements, collector + "ListOrganization", listing, List.of("*"));
    }
    List<String> members =
        access.reachesOtherAccounts()
            ? access.memberRoles().templates().stream()
                .map(t -> t.replace(MemberRoles.PARTITION, partition))
                .map(t -> t.replace(MemberRoles.ACCOUNT_ID, "*"))
                .toList()
            : List.of();
    if (!members.isEmpty()) {
      statement(
          statements,
          collector + "AssumeMemberRole",
          List.of("sts:AssumeRole"),
          members.subList(0, 1));
    }
    // the identity the master chain ends in collects the account it stands in
    statement(statements, collector + "ReadInventory", actions, List.of("*"));
    syncStatement(statements, collector, sync, partition);
    for (int m = 1; m < members.size(); m++) {
      statement(
          statements,
          "MemberRole" + m + "AssumeRole",
          List.of("sts:AssumeRole"),
          members.subList(m, m + 1));
    }
    if (!members.isEmpty()) {
      statement(statements, "MemberRoleReadInventory", actions, List.of("*"));
    }
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(policy);
  }

  /**
   * The read of a Resource Data Sync: the bucket's listing (and HeadBucket, which IAM grants with
   * it) and the objects under the sync's prefix.
   */
  private static void syncStatement(
      ArrayNode statements, String identity, SyncLocation sync, String partition) {
    if (sync == null) {
      return;
    }
    String bucket = "arn:" + partition + ":s3:::" + sync.bucket();
    List<String> actions = ApplicationsCollector.syncActions();
    statement(
        statements,
        identity + "ListInventorySync",
        actions.stream().filter(a -> !a.equals("s3:GetObject")).toList(),
        List.of(bucket));
    statement(
        statements,
        identity + "ReadInventorySync",
        List.of("s3:GetObject"),
        List.of(bucket + "/" + sync.typeFolder(ApplicationsCollector.INVENTORY_TYPE) + "*"));
  }

  /** The identity at a place of the master chain: the base credentials, then each hop's role. */
  private static String identity(int hop) {
    return hop == 0 ? "BaseCredentials" : "Hop" + hop;
  }

  private static void statement(
      ArrayNode statements, String sid, Collection<String> actions, Collection<String> resources) {
    ObjectNode statement = statements.addObject();
    statement.put("Sid", sid);
    statement.put("Effect", "Allow");
    ArrayNode list = statement.putArray("Action");
    actions.forEach(list::add);
    if (resources.size() == 1) {
      statement.put("Resource", resources.iterator().next());
    } else {
      ArrayNode resourceList = statement.putArray("Resource");
      resources.forEach(resourceList::add);
    }
  }
}
