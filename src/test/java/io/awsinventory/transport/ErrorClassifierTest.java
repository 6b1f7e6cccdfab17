package io.awsinventory.transport;

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
    "OptInRequired, NOT_ENABLED",
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

  @Test
  void networkCause_namesWhatKeptTheCallFromAws_byTheCausesType() {
    assertThat(ErrorClassifier.networkCause(client(new java.net.UnknownHostException("x"))))
        .contains("the host name could not be resolved (DNS)");
    assertThat(ErrorClassifier.networkCause(client(new java.net.ConnectException("x"))))
        .contains("the connection was refused");
    assertThat(ErrorClassifier.networkCause(client(new java.net.SocketTimeoutException("x"))))
        .contains("the connection timed out");
    assertThat(ErrorClassifier.networkCause(client(new javax.net.ssl.SSLHandshakeException("x"))))
        .hasValueSatisfying(v -> assertThat(v).startsWith("the TLS handshake failed"));
    assertThat(ErrorClassifier.networkCause(client(new IllegalStateException("x")))).isEmpty();
    assertThat(ErrorClassifier.networkCause(aws("AccessDenied", "", 403))).isEmpty();
  }

  private static software.amazon.awssdk.core.exception.SdkClientException client(Throwable cause) {
    return software.amazon.awssdk.core.exception.SdkClientException.builder()
        .message("Unable to execute HTTP request")
        .cause(cause)
        .build();
  }

  @org.junit.jupiter.api.Test
  void notSetUp_onlyForTheCodesTheTypeNames_neverForAnAnswerWithoutACode() {
    var applications = io.awsinventory.TestTypes.named("applications");
    var instances = io.awsinventory.TestTypes.INSTANCES;
    AwsServiceException subscription = aws("SubscriptionRequiredException", "not subscribed", 400);
    AwsServiceException noCode =
        AwsServiceException.builder()
            .awsErrorDetails(AwsErrorDetails.builder().errorMessage("<html>").build())
            .statusCode(502)
            .build();

    org.assertj.core.api.Assertions.assertThat(ErrorClassifier.notSetUp(applications, subscription))
        .isTrue();
    org.assertj.core.api.Assertions.assertThat(ErrorClassifier.notSetUp(instances, subscription))
        .isFalse();
    org.assertj.core.api.Assertions.assertThat(ErrorClassifier.notSetUp(applications, noCode))
        .isFalse();
  }
}
