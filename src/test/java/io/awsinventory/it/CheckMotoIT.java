package io.awsinventory.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.cli.CliRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code check} against the organization in moto. */
class CheckMotoIT {
  private static OrganizationSeed org;

  @BeforeAll
  static void seed() throws Exception {
    org = SeededMoto.organization();
  }

  private static CliRun check(String... extra) {
    List<String> args =
        new ArrayList<>(List.of("--list-accounts", "--regions", "us-east-1,eu-west-1,ap-east-1"));
    args.addAll(List.of(extra));
    return CliRun.of("check", MotoSeed.reach(), args.toArray(String[]::new));
  }

  @Test
  void check_table_printsTheMatrix_everyCallAllowed_exit3ForARegionNamedButEnabledNowhere() {
    CliRun run = check("--resources", "instances,images,db-instances");

    // ap-east-1 is named in --regions and enabled in no account: as collect, check says so
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(3);
    assertThat(run.err())
        .contains("failed: --regions: ap-east-1 is enabled in none of the accounts reached");
    assertThat(run.out()).contains("identity  base   arn:aws:sts::123456789012:user/moto");
    assertThat(run.out()).containsPattern("ACCOUNT +NAME +REGION +instances +images +db-instances");
    for (String id : org.names.keySet()) {
      if (id.equals(org.closedId)) {
        assertThat(run.out())
            .containsPattern("account +" + id + " skipped +closed-1 +account is SUSPENDED");
      } else {
        assertThat(run.out()).containsPattern(id + " .* us-east-1 +ok +ok +ok");
        assertThat(run.out())
            .containsPattern(id + " .* ap-east-1 +not-enabled +not-enabled +not-enabled");
      }
    }
  }

  @Test
  void check_json_reportsEveryProbe_andExit3WhenACallFails() throws Exception {
    CliRun run = check("--output", "json", "--resources", "instances,reserved-instances");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(report.get("exitCode").asInt()).isEqualTo(3);
    int active = org.names.size() - 1;
    assertThat(report.get("checks")).hasSize(active * 3 * 2);
    for (JsonNode probe : report.get("checks")) {
      String expected =
          probe.get("region").asText().equals("ap-east-1")
              ? "not-enabled"
              : probe.get("resource").asText().equals("instances") ? "ok" : "failed";
      assertThat(probe.get("status").asText()).as(probe.toString()).isEqualTo(expected);
    }
  }
}
