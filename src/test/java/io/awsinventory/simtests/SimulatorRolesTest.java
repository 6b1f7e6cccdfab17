package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.cli.CliRun;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator's accounts hold named roles, as AWS accounts do: a misspelt role is denied. */
class SimulatorRolesTest {
  @TempDir Path out;

  @Test
  void aMisspeltMemberRole_isDeniedInEveryMemberAccount_asInAws() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(3).instances(30))) {
      CliRun misspelt =
          SimulatedCollectTest.collect(
              sim,
              out,
              "--member-role-arn",
              "arn:{partition}:iam::{accountId}:role/OrganisationAccountAccessRole");
      CliRun right =
          SimulatedCollectTest.collect(
              sim,
              out,
              "--member-role-arn",
              "arn:{partition}:iam::{accountId}:role/OrganizationAccountAccessRole");

      assertThat(misspelt.exitCode()).as(misspelt.err()).isEqualTo(3);
      assertThat(misspelt.err())
          .contains("AccessDenied")
          .contains("role/OrganisationAccountAccessRole");
      assertThat(right.exitCode()).as(right.err()).isZero();
    }
  }
}
