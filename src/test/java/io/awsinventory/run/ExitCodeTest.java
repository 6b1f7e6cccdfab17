package io.awsinventory.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.Account;
import io.awsinventory.ExitCode;
import io.awsinventory.InventoryException;
import io.awsinventory.Status;
import io.awsinventory.TestTypes;
import io.awsinventory.fanout.Outcome;
import io.awsinventory.fanout.Target;
import io.awsinventory.transport.ErrorClassifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExitCodeTest {
  private static final Target TARGET =
      new Target(new Account("123456789012", null), null, "eu-west-1");

  private static Outcome outcome(Status status, String code) {
    return new Outcome(TARGET, TestTypes.INSTANCES, status, 0, 0, code, null, null);
  }

  @Test
  void exitCode_allOkOrSkipped_is0() {
    assertThat(
            InventoryRun.exitCode(List.of(outcome(Status.OK, null), outcome(Status.SKIPPED, null))))
        .isEqualTo(ExitCode.OK);
    assertThat(ExitCode.OK.code()).isZero();
  }

  @Test
  void exitCode_anyDeniedOrFailed_is3() {
    assertThat(
            InventoryRun.exitCode(
                List.of(outcome(Status.OK, null), outcome(Status.DENIED, "AccessDenied"))))
        .isEqualTo(ExitCode.PARTIAL);
    assertThat(InventoryRun.exitCode(List.of(outcome(Status.FAILED, "Throttling"))).code())
        .isEqualTo(3);
  }

  @Test
  void exitCode_internalError_is1() {
    assertThat(
            InventoryRun.exitCode(List.of(outcome(Status.FAILED, ErrorClassifier.INTERNAL_ERROR)))
                .code())
        .isEqualTo(1);
  }

  @Test
  void exitCode_anAwsInternalErrorAnswer_isAFailedTarget_3() {
    assertThat(InventoryRun.exitCode(List.of(outcome(Status.FAILED, "InternalError"))).code())
        .isEqualTo(3);
  }

  @Test
  void exceptions_carryTheirExitCodes() {
    assertThat(InventoryException.invalidInput("--x", "bad").exitCode().code()).isEqualTo(2);
    assertThat(InventoryException.invalidInput("--x", "bad").getMessage()).isEqualTo("--x: bad");
    assertThat(InventoryException.authentication("no", null).exitCode().code()).isEqualTo(4);
  }
}
