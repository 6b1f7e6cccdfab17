package io.awsinventory.transport;

import io.awsinventory.Secrets;
import io.awsinventory.Status;
import io.awsinventory.collect.MalformedAnswerException;
import io.awsinventory.collect.Pages;
import io.awsinventory.collect.ResourceType;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Sorts failures by AWS error code, never by message text: permission errors become {@code denied},
 * a region the account has not opted into becomes {@code skipped}, the rest {@code failed}.
 */
public final class ErrorClassifier {
  /**
   * The code of a failure that is a bug of this tool. Not an AWS error code (those are written
   * without hyphens): EC2 answers {@code InternalError} for its own faults, which are failures.
   */
  public static final String INTERNAL_ERROR = "aws-inventory-internal-error";

  /** The code of an answer that is not the one its call promises. */
  public static final String MALFORMED_ANSWER = "MalformedAnswer";

  /** The code of a paginated call that did not end. */
  public static final String PAGINATION_LOOP = "PaginationLoop";

  private static final Set<String> DENIED_CODES =
      Set.of(
          "UnauthorizedOperation",
          "UnauthorizedAccess",
          "AuthorizationError",
          "AuthorizationException",
          "Forbidden");
  private static final Set<String> NOT_ENABLED_CODES = Set.of("OptInRequired");

  private static final int PROXY_AUTHENTICATION_REQUIRED = 407;

  private ErrorClassifier() {}

  /** A failure sorted into a status, with its code and a one-line message. */
  public record Classified(Status status, String code, String message) {}

  public static Classified classify(Throwable failure) {
    if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      String code = service.awsErrorDetails().errorCode();
      if (code == null || code.isBlank()) {
        code = "HttpStatus" + service.statusCode();
      }
      String message = service.awsErrorDetails().errorMessage();
      if (service.statusCode() == PROXY_AUTHENTICATION_REQUIRED) {
        message =
            "the proxy asks for credentials it was not given or refused them (HTTP 407):"
                + " check the user and password in --proxy or HTTPS_PROXY";
      } else if (message == null || message.isBlank()) {
        message = "the service answered HTTP " + service.statusCode() + " without an error message";
      }
      return new Classified(statusOf(code), code, oneLine(message));
    }
    MalformedAnswerException malformed = malformedAnswer(failure);
    if (malformed != null) {
      return new Classified(
          Status.FAILED, MALFORMED_ANSWER, "malformed answer: " + oneLine(malformed.getMessage()));
    }
    if (failure instanceof SdkException sdk) {
      return new Classified(
          Status.FAILED, sdk.getClass().getSimpleName(), oneLine(sdk.getMessage()) + hint(sdk));
    }
    if (failure instanceof Pages.LoopException loop) {
      return new Classified(Status.FAILED, PAGINATION_LOOP, oneLine(loop.getMessage()));
    }
    if (failure instanceof DependencyFailedException dependency) {
      return new Classified(
          Status.FAILED, DependencyFailedException.CODE, oneLine(dependency.getMessage()));
    }
    return new Classified(
        Status.FAILED,
        INTERNAL_ERROR,
        oneLine(failure.getClass().getName() + ": " + failure.getMessage()));
  }

  private static MalformedAnswerException malformedAnswer(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof MalformedAnswerException malformed) {
        return malformed;
      }
    }
    return null;
  }

  /**
   * Whether the failure says the type's service was never set up in the account x region: the step
   * then has no records and is not a failure.
   */
  public static boolean notSetUp(ResourceType type, Throwable failure) {
    // an answer without an error code (a gateway's HTML page) is no sign of anything
    return failure instanceof AwsServiceException service
        && service.awsErrorDetails() != null
        && service.awsErrorDetails().errorCode() != null
        && type.notSetUpCodes().contains(service.awsErrorDetails().errorCode());
  }

  static Status statusOf(String code) {
    if (code == null) {
      return Status.FAILED;
    }
    if (code.startsWith("AccessDenied") || DENIED_CODES.contains(code)) {
      return Status.DENIED;
    }
    if (NOT_ENABLED_CODES.contains(code)) {
      return Status.NOT_ENABLED;
    }
    return Status.FAILED;
  }

  /**
   * What kept a call from reaching AWS at all, in plain words, when that is why it failed: the host
   * name did not resolve, the connection was refused or timed out, the TLS handshake failed. Empty
   * when AWS (or something speaking for it) answered. Decided by the exception types of the cause
   * chain, never by message text.
   */
  public static Optional<String> networkCause(Throwable failure) {
    if (failure instanceof AwsServiceException) {
      return Optional.empty();
    }
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.UnknownHostException) {
        return Optional.of("the host name could not be resolved (DNS)");
      }
      if (cause instanceof java.net.NoRouteToHostException) {
        return Optional.of("there is no route to the host");
      }
      if (cause instanceof org.apache.http.conn.ConnectTimeoutException
          || cause instanceof java.net.SocketTimeoutException) {
        return Optional.of("the connection timed out");
      }
      if (cause instanceof java.net.ConnectException) {
        return Optional.of("the connection was refused");
      }
      if (cause instanceof javax.net.ssl.SSLException) {
        return Optional.of("the TLS handshake failed" + hint(cause));
      }
    }
    return Optional.empty();
  }

  /** What to do about a connection failure whose cause the operator can fix with an option. */
  private static String hint(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof javax.net.ssl.SSLHandshakeException
          || cause instanceof java.security.cert.CertPathBuilderException) {
        return " (the server's TLS certificate is not trusted: if a proxy or endpoint of your"
            + " network presents its own certificate, give its CA with --ca-bundle)";
      }
    }
    return "";
  }

  public static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    return Secrets.redact(text).replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
