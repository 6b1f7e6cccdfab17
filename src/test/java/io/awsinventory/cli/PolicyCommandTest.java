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
        .containsExactly("ec2:DescribeRegions", "rds:DescribeDBInstances");
  }

  @Test
  void policy_organizationWide_addsAssumeRoleOnEachChainAndTheListing() throws Exception {
    JsonNode statements =
        policy(
                "--assume-role-arn",
                "arn:aws:iam::111122223333:role/hop",
                "--list-accounts",
                "--organizational-unit",
                "ou-ab12-cdefgh34")
            .get("Statement");

    assertThat(statements).hasSize(3);
    assertThat(texts(statements.get(1).get("Action"))).containsExactly("sts:AssumeRole");
    assertThat(texts(statements.get(1).get("Resource")))
        .containsExactly(
            "arn:aws:iam::*:role/OrganizationAccountAccessRole",
            "arn:aws:iam::111122223333:role/hop");
    assertThat(texts(statements.get(2).get("Action")))
        .containsExactly(
            "organizations:ListAccountsForParent",
            "organizations:ListOrganizationalUnitsForParent");
  }

  @Test
  void policy_govCloud_buildsArnsForItsPartition() throws Exception {
    JsonNode statements =
        policy("--home-region", "us-gov-west-1", "--accounts", "123456789012").get("Statement");

    assertThat(texts(statements.get(1).get("Resource")))
        .containsExactly("arn:aws-us-gov:iam::*:role/OrganizationAccountAccessRole");
  }
}
