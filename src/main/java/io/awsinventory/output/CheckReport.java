package io.awsinventory.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.Printable;
import io.awsinventory.Status;
import io.awsinventory.output.RunSummary.AccountReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints what {@code check} found: a matrix for people, or JSON for machines. */
public final class CheckReport {
  private CheckReport() {}

  /** Who one hop of the master chain ("base" for the base credentials) turned out to be. */
  public record Identity(String hop, String roleArn, String accountId, String arn) {}

  /** One account x region x resource probe. */
  public record Probe(
      String accountId,
      String accountName,
      String region,
      String resource,
      Status status,
      String errorCode,
      String message,
      String missingAction) {}

  /** Everything the check found, and the exit code it comes to. */
  public record Result(
      List<Identity> hops, List<AccountReport> accounts, List<Probe> probes, int exitCode) {}

  /**
   * @param resources the resource names, in column order
   */
  public static void table(Result result, List<String> resources, PrintWriter out) {
    for (Identity hop : result.hops()) {
      printf(out, "identity  %-6s %s%n", hop.hop(), hop.arn());
    }
    for (AccountReport account : result.accounts()) {
      printf(
          out,
          "account   %s %-8s %s%s%n",
          account.accountId(),
          account.status(),
          account.accountName() != null ? account.accountName() + "  " : "",
          account.identityArn() != null
              ? account.identityArn()
              : account.message() != null ? account.message() : "");
    }
    List<String> columns = resources;
    List<String> header = new ArrayList<>(List.of("ACCOUNT", "NAME", "REGION"));
    header.addAll(columns);
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (Probe probe : result.probes()) {
      String key = probe.accountId() + "\t" + probe.region();
      List<String> row =
          rows.computeIfAbsent(
              key,
              k -> {
                List<String> cells = new ArrayList<>();
                cells.add(probe.accountId());
                cells.add(
                    probe.accountName() == null ? "-" : Printable.escape(probe.accountName()));
                cells.add(probe.region());
                columns.forEach(c -> cells.add(""));
                return cells;
              });
      row.set(3 + columns.indexOf(probe.resource()), probe.status().label());
    }
    int[] widths = new int[header.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = header.get(i).length();
      for (List<String> row : rows.values()) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    out.println();
    printRow(out, header, widths);
    rows.values().forEach(row -> printRow(out, row, widths));
    List<Probe> notOk = result.probes().stream().filter(p -> p.status().incomplete()).toList();
    if (!notOk.isEmpty()) {
      out.println();
    }
    for (Probe probe : notOk) {
      printf(
          out,
          "%s: account %s, %s, %s: %s%s: %s%n",
          probe.status().label(),
          probe.accountId(),
          probe.region(),
          probe.resource(),
          probe.missingAction() != null ? "missing " + probe.missingAction() + ", " : "",
          probe.errorCode(),
          probe.message());
    }
    out.flush();
  }

  /**
   * Prints a line of the table with AWS's text in it (account names, messages) made safe for a
   * terminal: control characters are shown escaped, so a name cannot move the cursor or forge a
   * line.
   */
  private static void printf(PrintWriter out, String format, Object... args) {
    out.print(Printable.escape(String.format(format.replace("%n", ""), args)));
    out.println();
  }

  private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      line.append(String.format("%-" + widths[i] + "s", cells.get(i)));
      if (i < cells.size() - 1) {
        line.append("  ");
      }
    }
    out.println(Printable.escape(line.toString().stripTrailing()));
  }

  public static String json(Result result) throws JsonProcessingException {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("exitCode", result.exitCode());
    ArrayNode hops = root.putArray("identities");
    for (Identity hop : result.hops()) {
      ObjectNode row = hops.addObject().put("hop", hop.hop());
      if (hop.roleArn() != null) {
        row.put("roleArn", hop.roleArn());
      }
      row.put("accountId", hop.accountId()).put("arn", hop.arn());
    }
    root.set("accounts", Json.MAPPER.valueToTree(result.accounts()));
    ArrayNode probes = root.putArray("checks");
    for (Probe probe : result.probes()) {
      ObjectNode row = probes.addObject();
      row.put("accountId", probe.accountId());
      if (probe.accountName() != null) {
        row.put("accountName", probe.accountName());
      }
      row.put("region", probe.region());
      row.put("resource", probe.resource());
      row.put("status", probe.status().label());
      if (probe.errorCode() != null) {
        row.put("errorCode", probe.errorCode());
      }
      if (probe.message() != null) {
        row.put("message", probe.message());
      }
      if (probe.missingAction() != null) {
        row.put("missingAction", probe.missingAction());
      }
    }
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }
}
