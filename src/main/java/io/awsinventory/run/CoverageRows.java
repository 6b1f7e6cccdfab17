package io.awsinventory.run;

import io.awsinventory.Status;
import io.awsinventory.fanout.Outcome;
import io.awsinventory.output.Coverage;
import io.awsinventory.output.PreviousSet;
import io.awsinventory.output.RunSummary;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The coverage rows of a run, one per account x region x resource in the order of the summary. A
 * whole account that could not be reached has a row per region it carried records for (its region
 * {@code *} when it carried none). {@code LastOkAt} is this run's start for a target read now; for
 * one that could not be read (denied, failed), the time the previous set's coverage gave.
 */
final class CoverageRows {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CoverageRows.class);

  private CoverageRows() {}

  /**
   * @param previous the set the run replaces, whose coverage says when the targets not read now
   *     were last read whole; null when there is none
   */
  static List<Coverage.Row> of(
      List<Outcome> sorted, CarryForward carry, PreviousSet previous, Instant startedAt) {
    Set<String> notRead = new HashSet<>();
    for (Outcome o : sorted) {
      if (o.status().carries()) {
        String accountId = o.target().account().id();
        String resource = o.resource().name();
        notRead.add(PreviousSet.targetKey(accountId, o.target().region(), resource));
        for (CarryForward.Carried c : carry.of(o)) {
          notRead.add(PreviousSet.targetKey(accountId, c.region(), resource));
        }
      }
    }
    // a large organization's coverage is long: it is read only for the rows not read now
    Map<String, String> lastOk = lastOkAt(previous, notRead);
    List<Coverage.Row> rows = new ArrayList<>();
    for (Outcome o : sorted) {
      List<CarryForward.Carried> carried = carry.of(o);
      if (RunSummary.ALL_REGIONS.equals(o.target().region()) && !carried.isEmpty()) {
        carried.stream()
            .sorted(Comparator.comparing(CarryForward.Carried::region))
            .forEach(c -> rows.add(row(o, c.region(), 0, c.carried(), lastOk, startedAt)));
      } else {
        long carriedRecords = carried.stream().mapToLong(CarryForward.Carried::carried).sum();
        rows.add(row(o, o.target().region(), o.records(), carriedRecords, lastOk, startedAt));
      }
    }
    return rows;
  }

  /** When the previous set says {@code notRead} were last read whole; empty if it cannot say. */
  private static Map<String, String> lastOkAt(PreviousSet previous, Set<String> notRead) {
    if (previous == null || notRead.isEmpty()) {
      return Map.of();
    }
    try {
      return previous.lastOkAt(notRead);
    } catch (IOException e) {
      // a coverage file that cannot be read (edited, cut short) only leaves LastOkAt unknown
      LOG.warn("the previous coverage file could not be read: {}", e.getMessage());
      return Map.of();
    }
  }

  private static Coverage.Row row(
      Outcome o,
      String region,
      long records,
      long carried,
      Map<String, String> lastOk,
      Instant startedAt) {
    String accountId = o.target().account().id();
    String resource = o.resource().name();
    boolean ok = o.status() == Status.OK;
    String error =
        ok ? null : o.errorCode() == null ? o.message() : o.errorCode() + ": " + o.message();
    return new Coverage.Row(
        accountId,
        o.target().account().name(),
        region,
        resource,
        o.status().label(),
        records,
        carried,
        ok ? startedAt.toString() : lastOk.get(PreviousSet.targetKey(accountId, region, resource)),
        error);
  }
}
