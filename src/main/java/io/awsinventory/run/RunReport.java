package io.awsinventory.run;

import io.awsinventory.Printable;
import io.awsinventory.Status;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.fanout.Outcome;
import io.awsinventory.output.RunSummary;
import io.awsinventory.output.RunSummary.AccountReport;
import io.awsinventory.transport.AdaptiveLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a collect run says when it ends. A failure repeated across the regions of an account is one
 * line (the summary keeps every row); a denial names the IAM action that is missing.
 */
final class RunReport {
  /** At most this many failure lines; the summary has the rest. */
  static final int FAILURES_SHOWN = 20;

  private static final Logger LOG = LoggerFactory.getLogger(RunReport.class);

  /** Records, and says with --verbose, where each host's adaptive limit settled. */
  static void concurrency(RunSummary summary, AdaptiveLimits limits) {
    summary.concurrency(limits.bound(), limits.levels());
    LOG.debug("concurrency settled at {} (bound {})", limits.levels(), limits.bound());
  }

  private RunReport() {}

  /** One line per account x resource x status x error code, in the order of the rows. */
  static List<String> failureLines(List<Outcome> sorted) {
    Map<String, List<Outcome>> groups = new LinkedHashMap<>();
    for (Outcome outcome : sorted) {
      if (outcome.status().incomplete()) {
        String key =
            outcome.status()
                + "/"
                + outcome.target().account().id()
                + "/"
                + outcome.resource().name()
                + "/"
                + outcome.errorCode();
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(outcome);
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<Outcome> group : groups.values()) {
      Outcome first = group.get(0);
      String where =
          group.size() == 1
              ? first.target().region() + ", " + first.resource().name()
              : first.resource().name() + " in " + group.size() + " regions";
      lines.add(
          first.status().label()
              + ": account "
              + first.target().account().id()
              + ", "
              + where
              + ": "
              + first.errorCode()
              + ": "
              + first.message()
              + missingAction(first));
    }
    if (lines.size() > FAILURES_SHOWN) {
      int more = lines.size() - FAILURES_SHOWN;
      lines = new ArrayList<>(lines.subList(0, FAILURES_SHOWN));
      lines.add("... and " + more + " more; see " + RunSummary.FILE_NAME);
    }
    return lines;
  }

  /**
   * The action a denied target lacks. A row of a whole account (region {@code *}) was denied before
   * any of its type's calls (its role, or the listing of its regions): its message names that call.
   */
  private static String missingAction(Outcome outcome) {
    if (outcome.status() != Status.DENIED
        || RunSummary.ALL_REGIONS.equals(outcome.target().region())) {
      return "";
    }
    ResourceType type = outcome.resource();
    return " (missing " + type.iamActions().get(0) + ")";
  }

  /** "48 ok, 0 denied, 0 failed, 12 skipped; 9 accounts (2 skipped)". */
  static String counts(List<Outcome> sorted, List<AccountReport> accounts) {
    Map<Status, Long> counts =
        sorted.stream().collect(Collectors.groupingBy(Outcome::status, Collectors.counting()));
    long skippedAccounts =
        accounts.stream().filter(a -> a.status().equals(Status.SKIPPED.label())).count();
    return counts.getOrDefault(Status.OK, 0L)
        + " ok, "
        + counts.getOrDefault(Status.DENIED, 0L)
        + " denied, "
        + counts.getOrDefault(Status.FAILED, 0L)
        + " failed, "
        + counts.getOrDefault(Status.SKIPPED, 0L)
        + " skipped"
        + ifAny(counts, Status.NOT_ENABLED)
        + ifAny(counts, Status.NOT_FOUND)
        + "; "
        + accounts.size()
        + " accounts ("
        + skippedAccounts
        + " skipped)";
  }

  private static String ifAny(Map<Status, Long> counts, Status status) {
    long count = counts.getOrDefault(status, 0L);
    return count == 0 ? "" : ", " + count + " " + status.label();
  }

  static long records(List<Outcome> sorted) {
    return sorted.stream().mapToLong(Outcome::records).sum();
  }

  /**
   * A warning for each {@code --tag-columns} key that no record carries, naming the key records do
   * carry that differs from it only in case.
   */
  static List<String> unknownTagColumns(List<String> requested, java.util.Set<String> seen) {
    List<String> warnings = new ArrayList<>();
    for (String key : requested) {
      if (seen.contains(key)) {
        continue;
      }
      String near =
          seen.stream()
              .filter(k -> k.equalsIgnoreCase(key))
              .findFirst()
              .map(k -> "; the records have '" + k + "' (tag keys are case-sensitive)")
              .orElse("");
      warnings.add("warning: --tag-columns: no record has the tag '" + key + "'" + near);
    }
    return warnings;
  }

  /**
   * The warning for the targets where AWS refused the instance type lookups the licence columns
   * use, or none: a few of them named, with the error each got.
   */
  static List<String> typeLookupLines(List<String> refusals) {
    if (refusals.isEmpty()) {
      return List.of();
    }
    List<String> sorted = refusals.stream().sorted().toList();
    String named = String.join(", ", sorted.subList(0, Math.min(3, sorted.size())));
    return List.of(
        "warning: ec2:DescribeInstanceTypes failed in "
            + sorted.size()
            + " account x region(s): "
            + Printable.escape(named)
            + (sorted.size() > 3 ? ", ..." : "")
            + "; CpuSource is unknown there for instances answered without CpuOptions and for DB"
            + " instances");
  }

  /**
   * What the run says of carrying: per type, the records carried and those too old to carry, or why
   * nothing could be carried.
   */
  static List<String> carryLines(Map<ResourceType, CarryForward.TypeResult> byType) {
    List<String> lines = new ArrayList<>();
    byType.forEach(
        (type, result) -> {
          if (result.notCarried() != null) {
            lines.add("warning: " + type.name() + ": " + result.notCarried());
          } else if (result.carried() > 0 || result.expired() > 0) {
            lines.add(
                "carried: "
                    + type.name()
                    + ": "
                    + result.carried()
                    + " records of targets not read, from the previous set, marked Stale"
                    + (result.expired() > 0
                        ? "; " + result.expired() + " last read before the carry window dropped"
                        : ""));
          }
        });
    return lines;
  }

  /** The summary row of an outcome. */
  static RunSummary.TargetRow row(Outcome o, List<CarryForward.Carried> carried) {
    return new RunSummary.TargetRow(
        o.target().account().id(),
        o.target().account().name(),
        o.target().region(),
        o.resource().name(),
        o.status().label(),
        o.records(),
        carried.stream().mapToLong(CarryForward.Carried::carried).sum(),
        o.durationMillis(),
        o.errorCode(),
        o.message());
  }
}
