package io.awsinventory.sim;

import static io.awsinventory.sim.SimHttp.xml;

import com.sun.net.httpserver.HttpExchange;
import io.awsinventory.sim.SimEstate.SimAccount;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * STS: who a caller is (the account follows from the access key; keys issued by AssumeRole act in
 * the role's account and expire), GetCallerIdentity, AssumeRole and AssumeRoleWithWebIdentity.
 */
final class StsHandler {
  /** Who signed a call: an account and identity, or null for an unknown key. */
  record Caller(String accountId, String arn, boolean expired) {}

  /** Temporary credentials issued by AssumeRole. */
  private record Session(String accountId, String arn, Instant expiresAt) {}

  private final SimConfig config;
  private final SimEstate estate;
  private final SimStats stats;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  StsHandler(SimConfig config, SimEstate estate, SimStats stats) {
    this.config = config;
    this.estate = estate;
    this.stats = stats;
  }

  /** The caller of an access key; a caller without account for no key; null for an unknown key. */
  Caller caller(String accessKey) {
    if (accessKey.isEmpty()) {
      return new Caller(null, null, false);
    }
    Session session = sessions.get(accessKey);
    if (session != null) {
      return new Caller(
          session.accountId(), session.arn(), Instant.now().isAfter(session.expiresAt()));
    }
    if (accessKey.startsWith("AKIASIM")) {
      String account = accessKey.substring(7);
      if (estate.account(account) != null) {
        return new Caller(account, "arn:aws:iam::" + account + ":user/inventory", false);
      }
    }
    String open = config.openAccount;
    return open == null
        ? null
        : new Caller(open, "arn:aws:iam::" + open + ":user/inventory", false);
  }

  /** Answers an STS action of a caller that passed the token checks. */
  void handle(HttpExchange exchange, String action, Map<String, String> form, Caller caller)
      throws IOException {
    SimHttp.sleep(config.stsLatency);
    switch (action) {
      case "GetCallerIdentity" ->
          xml(
              exchange,
              200,
              SimXml.query(
                  SimXml.STS_NS,
                  action,
                  "<Arn>"
                      + caller.arn()
                      + "</Arn><UserId>AIDASIM"
                      + caller.accountId()
                      + "</UserId><Account>"
                      + caller.accountId()
                      + "</Account>"));
      case "AssumeRole" -> assumeRole(exchange, form, caller);
      default -> xml(exchange, 400, SimXml.queryError(SimXml.STS_NS, "InvalidAction", action));
    }
  }

  /** AssumeRole, or AssumeRoleWithWebIdentity when {@code caller} is null (unsigned). */
  void assumeRole(HttpExchange exchange, Map<String, String> form, Caller caller)
      throws IOException {
    String roleArn = form.getOrDefault("RoleArn", "");
    String[] parts = roleArn.split(":");
    SimAccount account = parts.length > 5 ? estate.account(parts[4]) : null;
    if (account == null && config.openAccount != null && parts.length > 5) {
      account = new SimAccount(parts[4], "open", "ACTIVE", null);
    }
    String roleName = roleArn.substring(roleArn.lastIndexOf('/') + 1);
    boolean held = config.openAccount != null || config.roles.contains(roleName);
    if (account == null
        || !account.active()
        || !held
        || config.deniedAccounts.contains("assume:" + parts[4])
        || config.deniedRoles.contains(roleArn)) {
      stats.denied.increment();
      xml(
          exchange,
          403,
          SimXml.queryError(
              SimXml.STS_NS,
              "AccessDenied",
              "User "
                  + (caller == null ? "web identity" : caller.arn())
                  + " is not authorized to perform: sts:AssumeRole on resource: "
                  + roleArn
                  + (config.echoRequestInErrors
                      ? " Request: " + SimXml.escape(form.toString())
                      : "")));
      return;
    }
    String sessionName = form.getOrDefault("RoleSessionName", "session");
    String key = String.format("ASIASIM%013d", stats.issued.incrementAndGet());
    Instant expires = Instant.now().plus(config.tokenLifetime);
    String arn = "arn:aws:sts::" + account.id() + ":assumed-role/" + roleName + "/" + sessionName;
    sessions.put(key, new Session(account.id(), arn, expires));
    xml(
        exchange,
        200,
        SimXml.query(
            SimXml.STS_NS,
            form.get("Action"),
            "<Credentials><AccessKeyId>"
                + key
                + "</AccessKeyId><SecretAccessKey>sim-secret-"
                + key
                + "</SecretAccessKey><SessionToken>sim-token-"
                + key
                + "</SessionToken><Expiration>"
                + expires
                + "</Expiration></Credentials><AssumedRoleUser><Arn>"
                + arn
                + "</Arn><AssumedRoleId>AROASIM:"
                + sessionName
                + "</AssumedRoleId></AssumedRoleUser>"));
  }
}
