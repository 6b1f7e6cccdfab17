package io.awsinventory.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

class ErrorClassifierTest {
  private static AwsServiceException aws(String code, String message, int status) {
    return AwsServiceException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
        .statusCode(status)
        .build();
  }

  @ParameterizedTest
  @CsvSource({
    "UnauthorizedOperation, DENIED",
    "AccessDenied, DENIED",
    "AccessDeniedException, DENIED",
    "OptInRequired, SKIPPED",
    "RequestLimitExceeded, FAILED",
    "InternalError, FAILED",
    "InvalidParameterValue, FAILED"
  })
  void classify_byErrorCode(String code, Status expected) {
    ErrorClassifier.Classified classified = ErrorClassifier.classify(aws(code, "some text", 400));

    assertThat(classified.status()).isEqualTo(expected);
    assertThat(classified.code()).isEqualTo(code);
  }

  @Test
  void classify_messageTextNeverDecides() {
    assertThat(ErrorClassifier.classify(aws("Throttling", "access denied for you", 400)).status())
        .isEqualTo(Status.FAILED);
  }

  @Test
  void classify_noErrorCode_namesTheHttpStatus() {
    ErrorClassifier.Classified classified = ErrorClassifier.classify(aws(null, null, 500));

    assertThat(classified.code()).isEqualTo("HttpStatus500");
    assertThat(classified.status()).isEqualTo(Status.FAILED);
  }

  @Test
  void classify_clientSideTimeout_isFailedWithItsKind() {
    ErrorClassifier.Classified classified =
        ErrorClassifier.classify(ApiCallTimeoutException.create(1000));

    assertThat(classified.code()).isEqualTo("ApiCallTimeoutException");
    assertThat(classified.status()).isEqualTo(Status.FAILED);
  }

  @Test
  void classify_bugs_areInternalErrors() {
    assertThat(ErrorClassifier.classify(new NullPointerException("x")).code())
        .isEqualTo(ErrorClassifier.INTERNAL_ERROR);
  }

  @Test
  void oneLine_foldsLineBreaks() {
    assertThat(ErrorClassifier.oneLine("first\n  second\r\nthird")).isEqualTo("first second third");
  }
}
