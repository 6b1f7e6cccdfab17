package io.awsinventory.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolicyCommandTest {
  private static JsonNode policy(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("policy"));
    all.addAll(List.of(args));
    CliRun run = CliRun.of(all.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return new ObjectMapper().readTree(run.out());
  }

  private static List<String> texts(JsonNode node) {
    List<String> values = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> values.add(n.asText()));
    } else {
      values.add(node.asText());
    }
    return values;
  }

  @Test
  void policy_singleResource_readsOnlyWhatItCalls() throws Exception {
    JsonNode statements = policy("--resources", "db-instances").get("Statement");

    assertThat(statements).hasSize(1);
    assertThat(texts(statements.get(0).get("Action")))
        .containsExactly(
            "ec2:DescribeInstanceTypes", "ec2:DescribeRegions", "rds:DescribeDBInstances");
  }

  @Test
  void policy_organizationWide_givesEachIdentityItsOwnStatements() throws Exception {
    JsonNode statements =
        policy(
                "--assume-role-arn",
                "arn:aws:iam::111122223333:role/hop",
                "--list-accounts",
                "--organizational-unit",
                "ou-ab12-cdefgh34")
            .get("Statement");

    List<String> sids = new ArrayList<>();
    statements.forEach(s -> sids.add(s.get("Sid").asText()));
    assertThat(sids)
        .containsExactly(
            "BaseCredentialsAssumeRole",
            "Hop1ListOrganization",
            "Hop1AssumeMemberRole",
            "Hop1ReadInventory",
            "MemberRoleReadInventory");
    assertThat(texts(statements.get(0).get("Action"))).containsExactly("sts:AssumeRole");
    assertThat(texts(statements.get(0).get("Resource")))
        .containsExactly("arn:aws:iam::111122223333:role/hop");
    assertThat(texts(statements.get(1).get("Action")))
        .containsExactly(
            "organizations:ListAccountsForParent",
            "organizations:ListOrganizationalUnitsForParent");
    assertThat(texts(statements.get(2).get("Resource")))
        .containsExactly("arn:aws:iam::*:role/OrganizationAccountAccessRole");
    assertThat(texts(statements.get(4).get("Action"))).contains("ec2:DescribeInstances");
  }

  @Test
  void policy_memberChain_eachMemberRoleAssumesTheNext() throws Exception {
    JsonNode statements =
        policy(
                "--list-accounts",
                "--member-role-arn",
                "arn:aws:iam::{accountId}:role/Entry,arn:aws:iam::{accountId}:role/Reader")
            .get("Statement");

    List<String> sids = new ArrayList<>();
    statements.forEach(s -> sids.add(s.get("Sid").asText()));
    assertThat(sids)
        .containsExactly(
            "BaseCredentialsListOrganization",
            "BaseCredentialsAssumeMemberRole",
            "BaseCredentialsReadInventory",
            "MemberRole1AssumeRole",
            "MemberRoleReadInventory");
    assertThat(texts(statements.get(3).get("Resource")))
        .containsExactly("arn:aws:iam::*:role/Reader");
  }

  @Test
  void policy_govCloud_buildsArnsForItsPartition() throws Exception {
    JsonNode statements =
        policy("--home-region", "us-gov-west-1", "--accounts", "123456789012").get("Statement");

    assertThat(texts(statements.get(0).get("Resource")))
        .containsExactly("arn:aws-us-gov:iam::*:role/OrganizationAccountAccessRole");
  }

  @Test
  void policy_noOptions_theFourDefaultTypesOnly() throws Exception {
    JsonNode statements = policy().get("Statement");

    assertThat(statements).hasSize(1);
    assertThat(statements.get(0).get("Sid").asText()).isEqualTo("AwsInventoryReadOnly");
    assertThat(texts(statements.get(0).get("Action")))
        .containsExactly(
            "ec2:DescribeImages",
            "ec2:DescribeInstanceTypes",
            "ec2:DescribeInstances",
            "ec2:DescribeRegions",
            "ec2:DescribeReservedInstances",
            "rds:DescribeDBInstances");
    assertThat(texts(statements.get(0).get("Resource"))).containsExactly("*");
  }

  @Test
  void policy_allTypesWithASync_everyActionAndTheBucketAndPrefix() throws Exception {
    JsonNode statements =
        policy("--resources", "all", "--inventory-sync", "s3://b/p").get("Statement");

    List<String> actions = new ArrayList<>();
    statements.forEach(s -> actions.addAll(texts(s.get("Action"))));
    assertThat(actions)
        .contains(
            "ec2:DescribeHosts",
            "ec2:DescribeInstanceTypes",
            "rds:DescribeReservedDBInstances",
            "license-manager:ListLicenseConfigurations",
            "license-manager:ListUsageForLicenseConfiguration",
            "s3:HeadBucket",
            "s3:ListBucket",
            "s3:GetObject",
            // managed-nodes reads the node list from Systems Manager; applications come from the
            // sync
            "ssm:DescribeInstanceInformation")
        .doesNotContain("ssm:ListInventoryEntries");
    assertThat(texts(statements.get(1).get("Resource"))).containsExactly("arn:aws:s3:::b");
    assertThat(texts(statements.get(2).get("Resource")))
        .containsExactly("arn:aws:s3:::b/p/AWS:Application/*");
  }

  @Test
  void policy_applicationsWithoutASync_readsSystemsManagerInEachAccount() throws Exception {
    JsonNode statements = policy("--resources", "applications").get("Statement");

    assertThat(statements).hasSize(1);
    assertThat(texts(statements.get(0).get("Action")))
        .containsExactly(
            "ec2:DescribeRegions", "ssm:DescribeInstanceInformation", "ssm:ListInventoryEntries");
  }
}
