package io.awsinventory.licence;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The licence position: per product x edition x metric, per account and for the whole set, the
 * units required and the resources behind them; with entitlements, the units owned and the balance.
 */
public final class Position {
  public static final String STEM = "licence_position";
  public static final String TOTAL = "total";

  public static final List<String> COLUMNS =
      List.of(
          "Scope",
          "AccountId",
          "Product",
          "Edition",
          "Metric",
          "UnitsRequired",
          "Resources",
          "Hosts",
          "LicenseIncluded",
          "Byol",
          "Stale",
          "Flagged",
          "NotComputable",
          "Owned",
          "Balance");

  public static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("UnitsRequired", "integer"),
          Map.entry("Resources", "integer"),
          Map.entry("Hosts", "integer"),
          Map.entry("LicenseIncluded", "integer"),
          Map.entry("Byol", "integer"),
          Map.entry("Stale", "integer"),
          Map.entry("Flagged", "integer"),
          Map.entry("NotComputable", "integer"),
          Map.entry("Owned", "integer"),
          Map.entry("Balance", "integer"));

  /** One line of the position; {@code owned} is null without an entitlement for it. */
  public record Line(
      String scope,
      String accountId,
      String product,
      String edition,
      String metric,
      long unitsRequired,
      long resources,
      long hosts,
      long licenseIncluded,
      long byol,
      long stale,
      long flagged,
      long notComputable,
      Long owned) {

    /** Owned minus required: negative is a shortfall. */
    public Long balance() {
      return owned == null ? null : owned - unitsRequired;
    }

    public ObjectNode toJson() {
      ObjectNode row = JsonNodeFactory.instance.objectNode();
      row.put("Scope", scope);
      if (accountId != null) {
        row.put("AccountId", accountId);
      }
      row.put("Product", product);
      row.put("Edition", edition);
      row.put("Metric", metric);
      row.put("UnitsRequired", unitsRequired);
      row.put("Resources", resources);
      row.put("Hosts", hosts);
      row.put("LicenseIncluded", licenseIncluded);
      row.put("Byol", byol);
      row.put("Stale", stale);
      row.put("Flagged", flagged);
      row.put("NotComputable", notComputable);
      if (owned != null) {
        row.put("Owned", owned);
        row.put("Balance", balance());
      }
      return row;
    }
  }

  private static final class Sums {
    long units;
    long resources;
    long hosts;
    long included;
    long byol;
    long stale;
    long flagged;
    long notComputable;

    void add(LicenceRow row) {
      if (row.counted() && row.units() != null) {
        units += row.units();
      }
      if (row.counted() && row.units() == null) {
        notComputable++;
      }
      if (row.kind().equals(LicenceRow.HOST)) {
        hosts++;
      } else {
        resources++;
        if (row.licenseIncluded()) {
          included++;
        } else {
          byol++;
        }
      }
      if (row.stale()) {
        stale++;
      }
      if (row.flagged()) {
        flagged++;
      }
    }
  }

  // account (or "" for the total), product, edition, metric -> sums; sorted
  private final Map<List<String>, Sums> sums = new TreeMap<>(Position::compareKeys);

  /** Counts one licence row, in its account and in the total. */
  public void add(LicenceRow row) {
    for (String account : List.of(row.accountId(), "")) {
      sums.computeIfAbsent(
              List.of(account, row.product(), row.edition(), row.metric()), k -> new Sums())
          .add(row);
    }
  }

  /**
   * The lines: every account's, then the totals, each sorted by product, edition and metric; the
   * totals carry the entitlements, and an entitlement for nothing the set runs gets a line of its
   * own.
   */
  public List<Line> lines(Entitlements entitlements) {
    List<Line> lines = new ArrayList<>();
    List<Line> totals = new ArrayList<>();
    for (Map.Entry<List<String>, Sums> entry : sums.entrySet()) {
      List<String> key = entry.getKey();
      Sums s = entry.getValue();
      boolean total = key.get(0).isEmpty();
      Line line =
          new Line(
              total ? TOTAL : "account",
              total ? null : key.get(0),
              key.get(1),
              key.get(2),
              key.get(3),
              s.units,
              s.resources,
              s.hosts,
              s.included,
              s.byol,
              s.stale,
              s.flagged,
              s.notComputable,
              total ? entitlements.owned(key.get(1), key.get(2), key.get(3)) : null);
      (total ? totals : lines).add(line);
    }
    for (Entitlements.Entitlement unused : entitlements.unmatched(sums.keySet())) {
      totals.add(
          new Line(
              TOTAL,
              null,
              unused.product(),
              unused.edition(),
              unused.metric(),
              0,
              0,
              0,
              0,
              0,
              0,
              0,
              0,
              unused.quantity()));
    }
    totals.sort(
        (a, b) ->
            compareKeys(
                List.of("", a.product(), a.edition(), a.metric()),
                List.of("", b.product(), b.edition(), b.metric())));
    lines.addAll(totals);
    return lines;
  }

  private static int compareKeys(List<String> a, List<String> b) {
    // the accounts first, the total ("") last
    if (a.get(0).isEmpty() != b.get(0).isEmpty()) {
      return a.get(0).isEmpty() ? 1 : -1;
    }
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
