package io.awsinventory.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * How each simulated service words its errors: EC2's own XML, RDS's Query XML, or the JSON 1.1 body
 * of Systems Manager and License Manager, each with the codes that service uses for throttling and
 * for a denial.
 */
enum SimDialect {
  EC2("RequestLimitExceeded", "UnauthorizedOperation"),
  RDS("Throttling", "AccessDenied"),
  SSM("ThrottlingException", "AccessDeniedException"),
  LICENSE_MANAGER("RateLimitExceededException", "AccessDeniedException");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String throttlingCode;
  private final String deniedCode;

  SimDialect(String throttlingCode, String deniedCode) {
    this.throttlingCode = throttlingCode;
    this.deniedCode = deniedCode;
  }

  boolean json() {
    return this == SSM || this == LICENSE_MANAGER;
  }

  void throttled(HttpExchange exchange) throws IOException {
    switch (this) {
      case EC2 ->
          SimHttp.xml(exchange, 503, SimXml.ec2Error(throttlingCode, "Request limit exceeded."));
      case RDS ->
          SimHttp.xml(
              exchange, 400, SimXml.queryError(SimXml.RDS_NS, throttlingCode, "Rate exceeded"));
      default -> error(exchange, 400, throttlingCode, "Rate exceeded");
    }
  }

  void denied(HttpExchange exchange, String action, String echo) throws IOException {
    switch (this) {
      case EC2 ->
          SimHttp.xml(
              exchange,
              403,
              SimXml.ec2Error(
                  deniedCode, "You are not authorized to perform this operation." + echo));
      case RDS ->
          SimHttp.xml(
              exchange,
              403,
              SimXml.queryError(
                  SimXml.RDS_NS,
                  deniedCode,
                  "User is not authorized to perform: rds:" + action + echo));
      default ->
          error(
              exchange,
              400,
              deniedCode,
              "User is not authorized to perform: " + prefix() + ":" + action + echo);
    }
  }

  void unavailable(HttpExchange exchange) throws IOException {
    switch (this) {
      case EC2 ->
          SimHttp.xml(
              exchange,
              503,
              SimXml.ec2Error(
                  "Unavailable", "The server is overloaded and can't handle the request."));
      case RDS ->
          SimHttp.xml(
              exchange,
              503,
              SimXml.queryError(
                  SimXml.RDS_NS, "ServiceUnavailable", "Service unavailable, try again"));
      default -> error(exchange, 503, "ServiceUnavailableException", "Service unavailable");
    }
  }

  /** A JSON 1.1 error, as Systems Manager and License Manager answer one. */
  static void error(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    SimHttp.reply(
        exchange,
        status,
        "application/x-amz-json-1.1",
        JSON.createObjectNode().put("__type", code).put("message", message).toString());
  }

  private String prefix() {
    return this == SSM ? "ssm" : "license-manager";
  }
}
