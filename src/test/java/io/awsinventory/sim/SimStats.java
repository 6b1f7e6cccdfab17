package io.awsinventory.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What the simulator counted: calls per API and per account x region, and each kind of fault. */
public final class SimStats {
  private static final ObjectMapper JSON = new ObjectMapper();

  final LongAdder throttled = new LongAdder();
  final LongAdder serverErrors = new LongAdder();
  final LongAdder hung = new LongAdder();
  final LongAdder expired = new LongAdder();
  final LongAdder denied = new LongAdder();
  final AtomicInteger issued = new AtomicInteger();
  private final Map<String, LongAdder> callsByApi = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> callsByTarget = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> callsByTargetApi = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  // the calls of each API in each tenth of a second (epoch milliseconds / 100, as received): where
  // a run's time went, for the benchmark's timeline
  private final Map<String, Map<Long, LongAdder>> timeline = new ConcurrentHashMap<>();

  /** One request as received: its Query fields (or JSON target) and the account it acted in. */
  public record Request(Map<String, String> fields, String account) {
    public String action() {
      return fields.getOrDefault("Action", "");
    }
  }

  void record(Map<String, String> fields, String account) {
    requests.add(new Request(Map.copyOf(fields), account));
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  void count(String api, String account, String region) {
    callsByApi.computeIfAbsent(api, k -> new LongAdder()).increment();
    timeline
        .computeIfAbsent(api, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(System.currentTimeMillis() / 100, k -> new LongAdder())
        .increment();
    if (account != null) {
      callsByTarget.computeIfAbsent(account + "/" + region, k -> new LongAdder()).increment();
      callsByTargetApi
          .computeIfAbsent(account + "/" + region + "/" + api, k -> new LongAdder())
          .increment();
    }
  }

  long calls() {
    return callsByApi.values().stream().mapToLong(LongAdder::sum).sum();
  }

  long calls(String api) {
    LongAdder adder = callsByApi.get(api);
    return adder == null ? 0 : adder.sum();
  }

  ObjectNode json() {
    ObjectNode stats = JSON.createObjectNode();
    stats.put("calls", calls());
    stats.put("throttled", throttled.sum());
    stats.put("serverErrors", serverErrors.sum());
    stats.put("hung", hung.sum());
    stats.put("expired", expired.sum());
    stats.put("denied", denied.sum());
    stats.put("assumeRoles", issued.get());
    stats.set("byApi", counts(callsByApi));
    stats.set("byTarget", counts(callsByTarget));
    stats.set("byTargetApi", counts(callsByTargetApi));
    ObjectNode tenths = stats.putObject("byApiTenthSecond");
    new TreeMap<>(timeline).forEach((api, counts) -> tenths.set(api, counts(counts)));
    return stats;
  }

  private static ObjectNode counts(Map<?, LongAdder> map) {
    ObjectNode node = JSON.createObjectNode();
    new TreeMap<>(map).forEach((k, v) -> node.put(k.toString(), v.sum()));
    return node;
  }
}
