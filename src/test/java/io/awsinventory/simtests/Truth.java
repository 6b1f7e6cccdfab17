package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimEstate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Compares a run's JSON Lines files and summary with the simulator's ground truth. */
final class Truth {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Truth() {}

  /** "account/region/resource" of every row that is not ok or skipped, from the summary. */
  static Set<String> unhealthyRows(Path out) throws Exception {
    Set<String> rows = new TreeSet<>();
    for (JsonNode row : JSON.readTree(out.resolve("run_summary.json").toFile()).get("targets")) {
      String status = row.get("status").asText();
      if (!status.equals("ok") && !status.equals("skipped") && !status.equals("not-enabled")) {
        rows.add(
            row.get("accountId").asText()
                + "/"
                + row.get("region").asText()
                + "/"
                + row.get("resource").asText());
      }
    }
    return rows;
  }

  /** The rows {@link #unhealthyRows} names, with their error codes and messages, for a failure. */
  static String unhealthyReasons(Path out) throws Exception {
    StringBuilder reasons = new StringBuilder("unhealthy targets in the run summary:");
    for (JsonNode row : JSON.readTree(out.resolve("run_summary.json").toFile()).get("targets")) {
      String status = row.get("status").asText();
      if (!status.equals("ok") && !status.equals("skipped") && !status.equals("not-enabled")) {
        reasons.append(System.lineSeparator()).append(row);
      }
    }
    return reasons.toString();
  }

  /**
   * Asserts that every healthy account x region x resource of every active account holds exactly
   * the truth's records, once each, and that no record comes from a suspended account or a region
   * that is not enabled.
   *
   * @param unhealthy "account/region/resource" keys whose records may be incomplete
   */
  static void assertHealthyTargetsComplete(
      AwsSimulator sim, Path out, Set<String> unhealthy, Set<ResourceType> resources)
      throws Exception {
    SimEstate estate = sim.estate();
    for (ResourceType type : resources) {
      Map<String, List<String>> found = new TreeMap<>();
      for (String line : Files.readAllLines(out.resolve(type.fileStem() + ".jsonl"))) {
        JsonNode record = JSON.readTree(line);
        String key =
            record.get("AccountId").asText()
                + "/"
                + record.get("Region").asText()
                + "/"
                + type.name();
        found
            .computeIfAbsent(key, k -> new ArrayList<>())
            .add(record.get(type.idMember()).asText());
        assertThat(record.get("AccountName").asText())
            .isEqualTo(estate.account(record.get("AccountId").asText()).name());
      }
      for (SimEstate.SimAccount account : estate.accounts()) {
        for (String region : estate.config().allRegions()) {
          String key = account.id() + "/" + region + "/" + type.name();
          List<String> got = found.getOrDefault(key, List.of());
          if (!account.active() || !estate.isEnabled(account.id(), region)) {
            assertThat(got).as(key + " must hold nothing").isEmpty();
            continue;
          }
          if (unhealthy.contains(key) || unhealthy.contains(account.id() + "/*/" + type.name())) {
            continue;
          }
          List<String> expected = new ArrayList<>(estate.truth(account.id(), region, type.name()));
          assertThat(got).as(key).doesNotHaveDuplicates();
          assertThat(new TreeSet<>(got)).as(key).isEqualTo(new TreeSet<>(expected));
        }
      }
    }
  }
}
