package io.awsinventory.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.cli.CliRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Organization-wide collection against moto's Organizations, STS and EC2 across accounts. */
class OrganizationMotoIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static OrganizationSeed org;

  @TempDir Path out;

  @BeforeAll
  static void seed() throws Exception {
    org = SeededMoto.organization();
  }

  static CliRun collect(Path dir, String... extra) {
    List<String> args = new ArrayList<>(List.of("--output-dir", dir.toString(), "--quiet"));
    args.addAll(List.of(extra));
    return CliRun.of("collect", MotoSeed.reach(), args.toArray(String[]::new));
  }

  /**
   * Account id to region to instance ids, as the file holds them; fails on a duplicate, and on a
   * wrong account name where names are known (from the organization listing).
   */
  private Map<String, Map<String, Set<String>>> instancesByAccount(Path file, boolean named)
      throws Exception {
    Map<String, Map<String, Set<String>>> found = new TreeMap<>();
    for (JsonNode record : JSON.readTree(file.toFile())) {
      String account = record.get("AccountId").asText();
      if (named) {
        assertThat(record.get("AccountName").asText()).isEqualTo(org.names.get(account));
      } else {
        assertThat(record.has("AccountName")).isFalse();
      }
      boolean added =
          found
              .computeIfAbsent(account, k -> new TreeMap<>())
              .computeIfAbsent(record.get("Region").asText(), k -> new TreeSet<>())
              .add(record.get("InstanceId").asText());
      assertThat(added).as("duplicate " + record.get("InstanceId")).isTrue();
    }
    return found;
  }

  @Test
  void collect_listAccounts_everyActiveAccountInEveryEnabledRegion_closedOneSkipped()
      throws Exception {
    CliRun run = collect(out, "--list-accounts", "--resources", "instances");

    assertThat(run.exitCode()).as(run.err()).isZero();
    Map<String, Map<String, Set<String>>> expected = new TreeMap<>(org.instances);
    expected.remove(org.closedId);
    assertThat(instancesByAccount(out.resolve("ec2_instances.json"), true)).isEqualTo(expected);

    JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
    Map<String, JsonNode> accounts = new HashMap<>();
    summary.get("accounts").forEach(a -> accounts.put(a.get("accountId").asText(), a));
    assertThat(accounts).hasSize(5);
    assertThat(accounts.get(org.closedId).get("status").asText()).isEqualTo("skipped");
    assertThat(accounts.get(org.closedId).get("state").asText()).isEqualTo("SUSPENDED");
    assertThat(accounts.get(org.closedId).get("message").asText()).contains("SUSPENDED");
    assertThat(accounts.get(org.managementId).get("identity").asText())
        .isEqualTo("arn:aws:sts::123456789012:user/moto");
    for (String id : org.names.keySet()) {
      if (!id.equals(org.closedId) && !id.equals(org.managementId)) {
        assertThat(accounts.get(id).get("identity").asText())
            .isEqualTo(
                "arn:aws:sts::" + id + ":assumed-role/OrganizationAccountAccessRole/aws-inventory");
      }
    }
    // every enabled region of every active account was planned; counts per account match the seed
    Map<String, Long> counted = new TreeMap<>();
    Set<String> regions = new TreeSet<>();
    for (JsonNode row : summary.get("targets")) {
      assertThat(row.get("status").asText()).isIn("ok", "not-enabled");
      if (row.get("status").asText().equals("ok")) {
        regions.add(row.get("region").asText());
        counted.merge(row.get("accountId").asText(), row.get("records").asLong(), Long::sum);
      }
      assertThat(row.get("accountId").asText()).isNotEqualTo(org.closedId);
    }
    assertThat(regions).contains("us-east-1", "eu-west-1", "ap-northeast-1").hasSizeGreaterThan(10);
    for (String id : expected.keySet()) {
      assertThat(counted.get(id)).as(id).isEqualTo(org.instanceCount(id));
    }
  }

  @Test
  void collect_organizationalUnit_walksNestedOusOnly() throws Exception {
    CliRun run =
        collect(
            out,
            "--list-accounts",
            "--organizational-unit",
            org.prodOu,
            "--regions",
            "us-east-1,eu-west-1",
            "--resources",
            "instances,images,db-instances",
            "--format",
            "jsonl");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
    List<String> collected = new ArrayList<>();
    summary
        .get("accounts")
        .forEach(
            a -> {
              if (a.get("status").asText().equals("ok")) {
                collected.add(a.get("accountName").asText());
              }
            });
    assertThat(collected).containsExactlyInAnyOrder("prod-app", "web-1");
    List<String> lines = java.nio.file.Files.readAllLines(out.resolve("rds_db_instances.jsonl"));
    assertThat(lines).hasSize(1);
    assertThat(JSON.readTree(lines.get(0)).get("AccountName").asText()).isEqualTo("prod-app");
    Set<String> imageAccounts = new TreeSet<>();
    for (String line : java.nio.file.Files.readAllLines(out.resolve("ec2_images.jsonl"))) {
      JsonNode image = JSON.readTree(line);
      String account = image.get("AccountId").asText();
      imageAccounts.add(account);
      if (image.get("OwnerId") != null && image.get("OwnerId").asText().equals(account)) {
        assertThat(org.ownedImages.get(account)).contains(image.get("ImageId").asText());
      }
    }
    assertThat(imageAccounts)
        .containsExactlyInAnyOrder(
            org.names.entrySet().stream()
                .filter(e -> e.getValue().equals("prod-app") || e.getValue().equals("web-1"))
                .map(Map.Entry::getKey)
                .toArray(String[]::new));
  }

  @Test
  void collect_accountsAndExcludes_filterTheListing() throws Exception {
    String app = idOf("prod-app");
    String sandbox = idOf("sandbox, \"1\"");
    CliRun run =
        collect(
            out,
            "--list-accounts",
            "--accounts",
            app + "," + sandbox + "," + org.managementId,
            "--exclude-accounts",
            org.managementId,
            "--regions",
            "us-east-1",
            "--resources",
            "instances",
            "--format",
            "csv");

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<Map<String, String>> rows = CollectMotoIT.readCsv(out.resolve("ec2_instances.csv"));
    Set<String> names = new TreeSet<>();
    rows.forEach(r -> names.add(r.get("AccountName")));
    assertThat(names).containsExactly("prod-app", "sandbox, \"1\"");
    assertThat(rows)
        .hasSize(
            org.instances.get(app).get("us-east-1").size()
                + org.instances.get(sandbox).get("us-east-1").size());
  }

  @Test
  void collect_twoHopMasterChainWithExternalId_recordsBothHopIdentities() throws Exception {
    CliRun run =
        collect(
            out,
            "--assume-role-arn",
            "arn:aws:iam::123456789012:role/inventory-hop",
            "--assume-role-arn",
            "arn:aws:iam::123456789012:role/inventory-reader",
            "--external-id",
            "moto-external-id",
            "--regions",
            "us-east-1",
            "--resources",
            "instances");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode identities = JSON.readTree(out.resolve("run_summary.json").toFile()).get("identities");
    assertThat(identities.findValuesAsText("arn"))
        .containsExactly(
            "arn:aws:sts::123456789012:user/moto",
            "arn:aws:sts::123456789012:assumed-role/inventory-hop/aws-inventory",
            "arn:aws:sts::123456789012:assumed-role/inventory-reader/aws-inventory");
    assertThat(instancesByAccount(out.resolve("ec2_instances.json"), false))
        .containsOnlyKeys(org.managementId);
  }

  private static String idOf(String name) {
    return org.names.entrySet().stream()
        .filter(e -> e.getValue().equals(name))
        .findFirst()
        .orElseThrow()
        .getKey();
  }
}
