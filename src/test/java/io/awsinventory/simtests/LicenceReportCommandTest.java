package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.cli.CliRun;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.output.RecordReader;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aws-inventory report}: offline, on a committed set in any format, into the set's own
 * folder (a new generation with the set) or another; bad rules, entitlements or folders are exit 2
 * before anything is read.
 */
class LicenceReportCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static SimConfig estate() {
    return new SimConfig()
        .accounts(2)
        .instances(120)
        .hostsPerTarget(1)
        .nodesPerTarget(60)
        .applicationsPerNode(2)
        .dbPerTarget(14);
  }

  private static final String RESOURCES = "instances,db-instances,hosts,managed-nodes,applications";

  @Test
  void everyFormat_givesTheSamePosition_andTheReportJoinsTheSetInItsFolder() throws Exception {
    Path jsonl = dir.resolve("jsonl");
    Path csv = dir.resolve("csv");
    Path json = dir.resolve("json");
    try (AwsSimulator sim = AwsSimulator.start(estate())) {
      for (Path out : List.of(jsonl, csv, json)) {
        String format = out.getFileName().toString();
        CliRun run =
            SimulatedCollectTest.collectAs(
                format,
                sim,
                out,
                "--resources",
                RESOURCES,
                "--max-rate",
                "0",
                "--csv-escape-formulas");
        assertThat(run.exitCode()).as(run.err()).isZero();
      }
    }
    List<String> position = null;
    for (Path out : List.of(jsonl, csv, json)) {
      String format = out.getFileName().toString();
      CliRun report = CliRun.of("report", "--input-dir", out.toString());
      assertThat(report.exitCode()).as(report.err()).isZero();
      assertThat(report.err()).contains("report: licence_instances." + format + ": ");
      // the set and its report are one generation: what current names holds them all
      CliRun current = CliRun.of("current", out.toString());
      Path set = Path.of(current.out().strip());
      for (String name :
          List.of(
              "ec2_instances." + format,
              "run_summary.json",
              "licence_instances." + format,
              "licence_position." + format,
              "licence_report.html")) {
        assertThat(set.resolve(name)).as(name).isRegularFile();
        assertThat(out.resolve(name)).as(name).isRegularFile();
      }
      List<String> lines = positionLines(out, format);
      assertThat(lines).isNotEmpty();
      if (position == null) {
        position = lines;
      } else {
        assertThat(lines).as(format).isEqualTo(position);
      }
    }

    // a later collect without --report drops the report: the folder holds one run's set
    try (AwsSimulator sim = AwsSimulator.start(estate())) {
      CliRun again = SimulatedCollectTest.collectAs("csv", sim, csv, "--resources", "instances");
      assertThat(again.exitCode()).as(again.err()).isZero();
    }
    assertThat(csv.resolve("licence_position.csv")).doesNotExist();
    assertThat(csv.resolve("licence_report.html")).doesNotExist();
  }

  @Test
  void intoAnotherFolder_theReportFilesGoThere_andTheSetIsUntouched() throws Exception {
    Path out = dir.resolve("set");
    try (AwsSimulator sim = AwsSimulator.start(estate())) {
      assertThat(
              SimulatedCollectTest.collect(sim, out, "--resources", "instances,hosts").exitCode())
          .isZero();
    }
    Path config = Files.writeString(dir.resolve("inventory.conf"), "output-dir = " + out + "\n");
    Path owned =
        Files.writeString(
            dir.resolve("owned.csv"), "product,edition,metric,quantity\nWindows Server,,core,16\n");
    Path elsewhere = dir.resolve("sam");

    CliRun report =
        CliRun.of(
            "report",
            "--config",
            config.toString(),
            "--output-dir",
            elsewhere.toString(),
            "--entitlements",
            owned.toString());

    assertThat(report.exitCode()).as(report.err()).isZero();
    assertThat(elsewhere.resolve("licence_instances.jsonl")).isRegularFile();
    assertThat(elsewhere.resolve("licence_report.html")).isRegularFile();
    assertThat(out.resolve("licence_instances.jsonl")).doesNotExist();
    JsonNode windows = null;
    for (String line : Files.readAllLines(elsewhere.resolve("licence_position.jsonl"))) {
      JsonNode row = JSON.readTree(line);
      if (row.get("Scope").asText().equals("total")
          && row.get("Product").asText().equals("Windows Server")) {
        windows = row;
      }
    }
    assertThat(windows).isNotNull();
    assertThat(windows.get("Owned").asLong()).isEqualTo(16);
    assertThat(windows.get("Balance").asLong())
        .isEqualTo(16 - windows.get("UnitsRequired").asLong());
    assertThat(windows.get("UnitsRequired").asLong()).as("hosts of 48 cores").isPositive();
  }

  @Test
  void badRulesEntitlementsOrFolders_areExit2_inOneLineNamingTheOption() throws Exception {
    Path rules = Files.writeString(dir.resolve("rules.tsv"), "version\t1\nnot a rule\n");
    Path owned = Files.writeString(dir.resolve("owned.csv"), "product,quantity\nSQL,lots\n");
    Path empty = Files.createDirectories(dir.resolve("empty"));

    for (String[] args :
        List.of(
            new String[] {"--input-dir", empty.toString(), "--rules", rules.toString()},
            new String[] {"--input-dir", empty.toString(), "--entitlements", owned.toString()},
            new String[] {"--input-dir", empty.toString(), "--rules", dir.resolve("no").toString()},
            new String[] {"--input-dir", empty.toString()},
            new String[] {"--input-dir", dir.resolve("missing").toString()})) {
      List<String> command = new ArrayList<>(List.of("report"));
      command.addAll(List.of(args));
      CliRun run = CliRun.of(command.toArray(String[]::new));
      assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.err()).isEqualTo(2);
      assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
      String option = args.length > 2 ? args[2] : "--input-dir";
      assertThat(run.err()).as(String.join(" ", args)).contains(option);
    }
    CliRun collect = CliRun.of("collect", "--report", "--rules", rules.toString());
    assertThat(collect.exitCode()).isEqualTo(2);
    assertThat(collect.err()).contains("--rules").contains("line 2");
  }

  /** The lines of licence_position in {@code format}, as comparable text. */
  private static List<String> positionLines(Path out, String format) throws Exception {
    List<String> lines = new ArrayList<>();
    try (RecordReader rows =
        RecordReader.open(
            out.resolve("licence_position." + format),
            OutputFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT)),
            Map.of(),
            "Tags")) {
      for (ObjectNode row = rows.next(); row != null; row = rows.next()) {
        StringBuilder line = new StringBuilder();
        // an empty text is an empty cell in CSV, read back as no member
        row.fields()
            .forEachRemaining(
                f -> {
                  if (!f.getValue().asText().isEmpty()) {
                    line.append(f.getKey()).append('=').append(f.getValue().asText()).append(' ');
                  }
                });
        lines.add(line.toString());
      }
    }
    return lines;
  }
}
