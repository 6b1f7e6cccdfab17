package io.awsinventory.licence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import io.awsinventory.output.Coverage;
import io.awsinventory.output.PreviousSet;
import io.awsinventory.output.RecordReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * {@code licence_report.html}: one self-contained page (styles and script inline, nothing fetched)
 * with the totals per product, a bar per account, the rows with the most units and every flagged or
 * not computable one, and the targets the run could not read. Every figure is in the HTML; the
 * script only sorts tables. Text from the set is escaped by the template.
 */
final class ReportPage {
  static final String FILE_NAME = "licence_report.html";

  /** The rows with the most units the page shows, and as many flagged or not computable. */
  static final int SHOWN = 200;

  private static final Mustache TEMPLATE =
      new DefaultMustacheFactory("licensing").compile("report.mustache");
  private static final int COLORS = 6;

  private ReportPage() {}

  /** The rows the page lists, kept while the rows stream past: memory holds 2 x {@value #SHOWN}. */
  static final class Rows {
    private static final Comparator<LicenceRow> BY_UNITS =
        Comparator.comparingLong((LicenceRow r) -> r.units() == null ? 0 : r.units())
            .thenComparing(LicenceRow::resourceId);
    private final PriorityQueue<LicenceRow> top = new PriorityQueue<>(BY_UNITS);
    private final List<LicenceRow> attention = new ArrayList<>();
    private long total;

    void add(LicenceRow row) {
      total++;
      if (row.flagged() || (row.counted() && row.units() == null)) {
        if (attention.size() < SHOWN) {
          attention.add(row);
        }
        return;
      }
      if (!row.counted() || row.units() == null || row.units() == 0) {
        return;
      }
      top.add(row);
      if (top.size() > SHOWN) {
        top.poll();
      }
    }

    List<LicenceRow> shown() {
      List<LicenceRow> shown = new ArrayList<>(attention);
      List<LicenceRow> most = new ArrayList<>(top);
      most.sort(BY_UNITS.reversed());
      shown.addAll(most);
      return shown;
    }
  }

  static void write(
      Path file,
      PreviousSet set,
      List<Position.Line> position,
      Rows rows,
      String rowsFile,
      Rules rules)
      throws IOException {
    Map<String, Object> page = new HashMap<>();
    JsonNode summary = set.summary();
    page.put("runId", summary.path("runId").asText(""));
    page.put("startedAt", seconds(summary.path("startedAt").asText("")));
    page.put("endedAt", seconds(summary.path("endedAt").asText("")));
    page.put("exitCode", summary.path("exitCode").asText(""));
    page.put("generatedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    List<Map<String, Object>> problems = problems(set);
    page.put("problems", problems);
    page.put("hasProblems", !problems.isEmpty());
    page.put("problemCount", problems.size());
    long stale = 0;
    long notComputable = 0;
    long flagged = 0;
    List<Map<String, Object>> totals = new ArrayList<>();
    for (Position.Line line : position) {
      if (!line.scope().equals(Position.TOTAL)) {
        continue;
      }
      stale += line.stale();
      notComputable += line.notComputable();
      flagged += line.flagged();
      Map<String, Object> total = new LinkedHashMap<>();
      total.put("product", line.product());
      total.put("edition", line.edition());
      total.put("metric", line.metric());
      total.put("units", line.unitsRequired());
      total.put("resources", line.resources());
      total.put("hosts", line.hosts());
      total.put("included", line.licenseIncluded());
      total.put("byol", line.byol());
      total.put("stale", line.stale());
      total.put("flagged", line.flagged());
      total.put("notComputable", line.notComputable());
      total.put("owned", line.owned() == null ? "" : line.owned());
      total.put("balance", line.balance() == null ? "" : line.balance());
      total.put("rowClass", line.balance() != null && line.balance() < 0 ? "short" : "");
      totals.add(total);
    }
    page.put("totals", totals);
    page.put("staleTotal", stale);
    page.put("notComputableTotal", notComputable);
    page.put("flaggedTotal", flagged);
    chart(page, position);
    List<Map<String, Object>> shown = new ArrayList<>();
    for (LicenceRow row : rows.shown()) {
      shown.add(row(row));
    }
    page.put("rows", shown);
    page.put("shownRows", shown.size());
    page.put("totalRows", rows.total);
    page.put("rowsFile", rowsFile);
    List<Map<String, Object>> cited = new ArrayList<>();
    for (Rules.Rule rule : rules.rules()) {
      cited.add(
          Map.of(
              "id", rule.id(),
              "method", rule.method().word,
              "source", rule.source(),
              "date", rule.date()));
    }
    page.put("rules", cited);
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8))) {
      TEMPLATE.execute(out, page);
    }
  }

  /** One bar per account: a segment per product and metric, its length the units required. */
  private static void chart(Map<String, Object> page, List<Position.Line> position) {
    Map<String, Map<String, Long>> byAccount = new LinkedHashMap<>();
    Map<String, String> colors = new LinkedHashMap<>();
    for (Position.Line line : position) {
      if (line.scope().equals(Position.TOTAL)) {
        continue;
      }
      Map<String, Long> segments =
          byAccount.computeIfAbsent(line.accountId(), a -> new LinkedHashMap<>());
      if (line.unitsRequired() > 0) {
        String label = line.product() + " (" + line.metric() + ")";
        segments.merge(label, line.unitsRequired(), Long::sum);
        colors.computeIfAbsent(label, l -> "c" + colors.size() % COLORS);
      }
    }
    long max = 1;
    for (Map<String, Long> segments : byAccount.values()) {
      max = Math.max(max, segments.values().stream().mapToLong(Long::longValue).sum());
    }
    List<Map<String, Object>> accounts = new ArrayList<>();
    for (Map.Entry<String, Map<String, Long>> account : byAccount.entrySet()) {
      long sum = account.getValue().values().stream().mapToLong(Long::longValue).sum();
      List<Map<String, Object>> segments = new ArrayList<>();
      List<String> parts = new ArrayList<>();
      account
          .getValue()
          .forEach(
              (label, units) -> {
                segments.add(
                    Map.of(
                        "label",
                        label,
                        "units",
                        units,
                        "color",
                        colors.get(label),
                        "share",
                        percent(units, sum)));
                parts.add(label + " " + units);
              });
      Map<String, Object> bar = new LinkedHashMap<>();
      bar.put("accountId", account.getKey());
      bar.put("width", percent(sum, max));
      bar.put("segments", segments);
      bar.put("summary", parts.isEmpty() ? "0" : String.join(" · ", parts));
      accounts.add(bar);
    }
    page.put("accounts", accounts);
    List<Map<String, Object>> legend = new ArrayList<>();
    colors.forEach((label, color) -> legend.add(Map.of("label", label, "color", color)));
    page.put("legend", legend);
  }

  /** An instant to the second, as people read it; text that is no instant as it is. */
  private static String seconds(String instant) {
    try {
      return Instant.parse(instant).truncatedTo(ChronoUnit.SECONDS).toString();
    } catch (java.time.format.DateTimeParseException e) {
      return instant;
    }
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "0" : String.format(java.util.Locale.ROOT, "%.1f", 100.0 * part / whole);
  }

  private static Map<String, Object> row(LicenceRow row) {
    Map<String, Object> cells = new HashMap<>();
    cells.put("accountId", row.accountId());
    cells.put("region", row.region());
    cells.put("resourceId", row.resourceId());
    cells.put("kind", row.kind());
    cells.put("product", row.product());
    cells.put("edition", row.edition());
    cells.put("licence", row.licenseIncluded() ? "included" : "BYOL");
    cells.put("tenancy", row.tenancy() == null ? "" : row.tenancy());
    cells.put("hostId", row.hostId() == null ? "" : row.hostId());
    cells.put("vcpus", row.vcpus() == null ? "" : row.vcpus());
    cells.put("physicalCores", row.physicalCores() == null ? "" : row.physicalCores());
    cells.put("metric", row.metric());
    cells.put("units", row.units() == null ? "not computable" : row.units());
    cells.put("rule", row.rule());
    cells.put("note", row.note());
    return cells;
  }

  /** The targets of the set's coverage file that were not read whole, in the file's order. */
  private static List<Map<String, Object>> problems(PreviousSet set) throws IOException {
    List<Map<String, Object>> problems = new ArrayList<>();
    Optional<PreviousSet.SetFile> coverage = set.file(Coverage.STEM);
    if (coverage.isEmpty()) {
      return problems;
    }
    try (RecordReader rows =
        RecordReader.open(coverage.get().path(), coverage.get().format(), Map.of(), "Tags")) {
      for (ObjectNode row = rows.next(); row != null; row = rows.next()) {
        String status = row.path(Coverage.STATUS).asText("");
        if (status.equals("ok") || status.equals("not-enabled")) {
          continue;
        }
        Map<String, Object> problem = new HashMap<>();
        problem.put("accountId", row.path("AccountId").asText(""));
        problem.put("accountName", row.path("AccountName").asText(""));
        problem.put("region", row.path("Region").asText(""));
        problem.put("resource", row.path(Coverage.RESOURCE).asText(""));
        problem.put("status", status);
        problem.put("carried", row.path(Coverage.CARRIED_RECORDS).asText("0"));
        problem.put("error", row.path(Coverage.ERROR).asText(""));
        problems.add(problem);
      }
    }
    return problems;
  }
}
