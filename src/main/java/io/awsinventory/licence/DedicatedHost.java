package io.awsinventory.licence;

import io.awsinventory.licence.Rules.Method;
import io.awsinventory.licence.Rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Dedicated Host counted for one product by a per-host rule, with the rows of its instances that
 * run it: its own row, and theirs, are sent once every instance is known ({@link #finish}).
 */
final class DedicatedHost {
  private final Rule rule;
  private final LicenceRow hostRow;
  private final Integer sockets;
  private final Integer cores;
  private final Consumer<LicenceRow> sink;
  private final List<LicenceRow> instances = new ArrayList<>();
  private boolean stale = true;

  DedicatedHost(
      Rule rule,
      String hostId,
      Integer sockets,
      Integer cores,
      LicenceRow row,
      Consumer<LicenceRow> sink) {
    this.rule = rule;
    this.sockets = sockets;
    this.cores = cores;
    this.sink = sink;
    this.hostRow =
        new LicenceRow(
            row.accountId(),
            row.region(),
            hostId,
            LicenceRow.HOST,
            row.product(),
            row.edition(),
            row.source(),
            false,
            "host",
            hostId,
            null,
            cores,
            row.metric(),
            null,
            rule.id(),
            "",
            true,
            false,
            false);
  }

  void add(Integer vcpus, LicenceRow row) {
    stale &= row.stale();
    if (rule.method() == Method.HOST_CORES) {
      sink.accept(row.with(0L, true, "licensed through Dedicated Host " + row.hostId()));
      return;
    }
    int min = rule.number("min");
    instances.add(
        vcpus == null
            ? row.with(null, true, LicenceRows.unknownVcpus())
            : row.with((long) Math.max(vcpus, min), true, "per instance: at least " + min));
  }

  /** The host's own figure, or null when its sockets and cores are unknown. */
  private Long hostFigure() {
    if (sockets == null || cores == null || sockets <= 0) {
      return null;
    }
    long figure = perProcessor(sockets, cores, rule.number("min-per-processor"));
    if (rule.method() == Method.HOST_CORES) {
      figure = Math.max(figure, rule.number("min-per-server"));
      figure = ceil(figure, rule.number("pack")) * rule.number("pack");
    }
    return figure;
  }

  void finish() {
    Long host = hostFigure();
    LicenceRow own = stale ? hostRow.carried() : hostRow;
    String unknownHost = "not computable: the host's sockets and cores are unknown (collect hosts)";
    if (rule.method() == Method.HOST_CORES) {
      sink.accept(
          own.with(
              host,
              true,
              host == null
                  ? unknownHost
                  : "every physical core, at least "
                      + rule.number("min-per-processor")
                      + " per processor and "
                      + rule.number("min-per-server")
                      + " per host, in packs of "
                      + rule.number("pack")));
      return;
    }
    Long perInstance = 0L;
    for (LicenceRow row : instances) {
      perInstance = perInstance == null || row.units() == null ? null : perInstance + row.units();
    }
    boolean hostCounts = host != null && (perInstance == null || host < perInstance);
    String compared =
        "per host "
            + (host == null ? "unknown" : host)
            + ", per instance "
            + (perInstance == null ? "unknown" : perInstance)
            + ": the lower counts";
    sink.accept(own.with(host, hostCounts, host == null ? unknownHost : compared));
    for (LicenceRow row : instances) {
      sink.accept(
          hostCounts
              ? row.with(row.units(), false, "counted on Dedicated Host " + row.hostId())
              : row.with(row.units(), true, row.note() + "; " + compared));
    }
  }

  /** The physical cores a host's processors need licensed: at least {@code min} on each. */
  static long perProcessor(int sockets, int cores, int min) {
    long total = 0;
    for (int socket = 0; socket < sockets; socket++) {
      int own = cores / sockets + (socket < cores % sockets ? 1 : 0);
      total += Math.max(own, min);
    }
    return total;
  }

  static long ceil(long value, long per) {
    return (value + per - 1) / per;
  }
}
