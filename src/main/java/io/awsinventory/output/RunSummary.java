package io.awsinventory.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.Secrets;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code run_summary.json}: what was asked, who the run acted as, and one row per account x region
 * x resource with its status, so a scheduler or a Data Hub can tell what was and was not collected.
 */
public final class RunSummary {
  public static final String FILE_NAME = "run_summary.json";

  /** The region of a row that stands for every region of an account that could not be reached. */
  public static final String ALL_REGIONS = "*";

  /** How one account went: reached (with the identity), skipped, denied or failed. */
  public record AccountReport(
      String accountId,
      String accountName,
      String state,
      String identityArn,
      String status,
      String message) {}

  private final ObjectNode root = Json.MAPPER.createObjectNode();
  private final ArrayNode identities;
  private final ArrayNode accounts;
  private final ArrayNode targets;
  private final ArrayNode files;

  public RunSummary(String version, Instant startedAt, Map<String, Object> options) {
    root.put("tool", "aws-inventory");
    root.put("version", version);
    root.put("runId", java.util.UUID.randomUUID().toString());
    root.put("startedAt", startedAt.toString());
    root.putNull("endedAt");
    root.putNull("exitCode");
    root.set("options", Json.MAPPER.valueToTree(options));
    identities = root.putArray("identities");
    accounts = root.putArray("accounts");
    targets = root.putArray("targets");
    files = root.putArray("files");
  }

  /** The identity reached by one hop of the master chain ("base" for the base credentials). */
  public void identity(String hop, String roleArn, String accountId, String arn) {
    ObjectNode row = identities.addObject().put("hop", hop);
    if (roleArn != null) {
      row.put("roleArn", roleArn);
    }
    row.put("accountId", accountId).put("arn", arn);
  }

  public void account(AccountReport report) {
    ObjectNode row = accounts.addObject().put("accountId", report.accountId());
    putIfPresent(row, "accountName", report.accountName());
    putIfPresent(row, "state", report.state());
    putIfPresent(row, "identity", report.identityArn());
    row.put("status", report.status());
    putIfPresent(row, "message", report.message());
  }

  private static void putIfPresent(ObjectNode row, String field, String value) {
    if (value != null) {
      row.put(field, value);
    }
  }

  /** One account x region x resource row. */
  public record TargetRow(
      String accountId,
      String accountName,
      String region,
      String resource,
      String status,
      long records,
      long carriedRecords,
      long durationMillis,
      String errorCode,
      String message) {}

  public void target(TargetRow target) {
    String accountId = target.accountId();
    String accountName = target.accountName();
    String region = target.region();
    String resource = target.resource();
    String status = target.status();
    long records = target.records();
    long durationMillis = target.durationMillis();
    String errorCode = target.errorCode();
    String message = target.message();
    ObjectNode row = targets.addObject();
    row.put("accountId", accountId);
    if (accountName != null) {
      row.put("accountName", accountName);
    }
    row.put("region", region);
    row.put("resource", resource);
    row.put("status", status);
    row.put("records", records);
    if (target.carriedRecords() > 0) {
      row.put("carriedRecords", target.carriedRecords());
    }
    row.put("durationMs", durationMillis);
    if (errorCode != null) {
      row.put("errorCode", errorCode);
    }
    if (message != null) {
      row.put("message", message);
    }
  }

  /** Ids the organization listed that are not account ids (12 digits), passed over. */
  public void rejectedAccounts(List<String> ids) {
    if (!ids.isEmpty()) {
      ArrayNode rejected = root.putArray("rejectedAccounts");
      ids.forEach(rejected::add);
    }
  }

  /**
   * Files of an earlier run, in another format or of types not collected now, that go at commit.
   */
  public void removedFiles(List<String> names) {
    ArrayNode removed = root.putArray("removedFiles");
    names.forEach(removed::add);
  }

  /**
   * One data file: its records, how many of them were carried from the previous set, how many were
   * dropped as last seen before the carry window, how many repeated a key, and why nothing was
   * carried when the previous file could not be read back.
   */
  public record FileRow(
      String file,
      String resource,
      long records,
      long carriedRecords,
      long expiredRecords,
      long duplicateRecords,
      String notCarried) {}

  public void file(FileRow file) {
    ObjectNode row =
        files
            .addObject()
            .put("file", file.file())
            .put("resource", file.resource())
            .put("records", file.records())
            .put("carriedRecords", file.carriedRecords())
            .put("expiredRecords", file.expiredRecords())
            .put("duplicateRecords", file.duplicateRecords());
    putIfPresent(row, "notCarried", file.notCarried());
  }

  /** The coverage file written beside the data files. */
  public void coverage(String fileName, long rows) {
    root.putObject("coverage").put("file", fileName).put("rows", rows);
  }

  /** How many days a record not read again is carried (0: none). */
  public void carryForwardDays(int days) {
    root.put("carryForwardDays", days);
  }

  /**
   * The most calls in flight per endpoint host the run allowed, and the level each host's adaptive
   * limit settled on.
   */
  public void concurrency(int bound, Map<String, Integer> settled) {
    ObjectNode concurrency = root.putObject("concurrency").put("bound", bound);
    ObjectNode hosts = concurrency.putObject("settled");
    settled.forEach(hosts::put);
  }

  public void finish(Instant endedAt, int exitCode, Map<String, Long> statusTotals) {
    root.put("endedAt", endedAt.toString());
    root.put("exitCode", exitCode);
    root.set("totals", Json.MAPPER.valueToTree(statusTotals));
  }

  /** Writes the summary; the last step masks every registered secret, whatever row holds it. */
  public void write(Path file) throws IOException {
    String text = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    java.nio.file.Files.writeString(
        file, Secrets.redact(text), java.nio.charset.StandardCharsets.UTF_8);
  }
}
