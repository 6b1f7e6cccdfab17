package io.awsinventory.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built jar as a user runs it: a separate process, credentials from the environment. */
class JarProcessIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static MotoSeed seed;

  @TempDir Path out;

  record Result(int exitCode, String stdout, String stderr) {}

  @BeforeAll
  static void seed() throws Exception {
    seed = SeededMoto.standard();
  }

  static Result jar(Map<String, String> env, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("java", "-jar", System.getProperty("aws.inventory.jar")));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
    builder.environment().putAll(env);
    Path stdout = Files.createTempFile("jar-out", ".txt");
    Path stderr = Files.createTempFile("jar-err", ".txt");
    Process process =
        builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
  }

  private static Map<String, String> credentials() {
    return Map.of(
        "AWS_ACCESS_KEY_ID", MotoSeed.ACCESS_KEY_ID,
        "AWS_SECRET_ACCESS_KEY", MotoSeed.SECRET_ACCESS_KEY,
        "AWS_REGION", "us-east-1");
  }

  @Test
  void jar_collectAll_summaryCountsMatchTheSeedAndExitIs3() throws Exception {
    Result result =
        jar(
            credentials(),
            "collect",
            "--endpoint-url",
            MotoServer.endpoint().toString(),
            "--regions",
            "us-east-1,eu-west-1",
            "--format",
            "csv",
            "--tag-columns",
            "Name",
            "--output-dir",
            out.toString());

    assertThat(result.exitCode()).as(result.stderr()).isEqualTo(3);
    assertThat(result.stderr())
        .contains("failed: account 123456789012")
        .contains("reserved-instances");
    JsonNode summary = JSON.readTree(out.resolve("run_summary.json").toFile());
    Map<String, Long> files = new HashMap<>();
    summary.get("files").forEach(f -> files.put(f.get("file").asText(), f.get("records").asLong()));
    assertThat(files)
        .containsEntry("ec2_instances.csv", (long) seed.instanceCount())
        .containsEntry("rds_db_instances.csv", 105L)
        .containsEntry("ec2_reserved_instances.csv", 0L);
    assertThat(summary.get("options").get("credentials").asText())
        .isEqualTo("default credential chain");
    assertThat(Files.readString(out.resolve("ec2_reserved_instances.csv")))
        .startsWith("AccountId,AccountName,Region,CollectedAt,ReservedInstancesId,");

    // Python's csv module gives back every tag value exactly
    Map<String, Map<String, String>> tags = pythonCsvTags(out.resolve("ec2_instances.csv"));
    assertThat(tags).hasSize(seed.instanceCount());
    for (String id : seed.awkwardInstanceIds) {
      assertThat(tags.get(id)).isEqualTo(MotoSeed.AWKWARD_TAGS);
    }
  }

  /** {InstanceId: {tag key: value}} as Python's csv module reads the file. */
  private static Map<String, Map<String, String>> pythonCsvTags(Path csvFile) throws Exception {
    String script =
        "import csv, json, sys\n"
            + "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
            + "    rows = list(csv.DictReader(f))\n"
            + "assert all(r['Tag:Name'] == json.loads(r['Tags'] or '{}').get('Name', '') for r in rows)\n"
            + "json.dump({r['InstanceId']: json.loads(r['Tags'] or '{}') for r in rows}, sys.stdout)\n";
    Process process =
        new ProcessBuilder("python3", "-c", script, csvFile.toString())
            .redirectErrorStream(false)
            .start();
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(stderr).isZero();
    Map<String, Map<String, String>> tags = new HashMap<>();
    JSON.readTree(stdout)
        .fields()
        .forEachRemaining(
            e -> {
              Map<String, String> map = new HashMap<>();
              e.getValue()
                  .fields()
                  .forEachRemaining(t -> map.put(t.getKey(), t.getValue().asText()));
              tags.put(e.getKey(), map);
            });
    return tags;
  }

  @Test
  void jar_badFormat_exits2WithOneLine() throws Exception {
    Result result =
        jar(credentials(), "collect", "--format", "xml", "--output-dir", out.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr().strip())
        .isEqualTo("aws-inventory: --format: unknown format 'xml' (expected json, jsonl or csv)");
  }

  @Test
  void jar_version_namesToolAndSdk() throws Exception {
    Result result = jar(Map.of(), "--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout()).contains("aws-inventory 0.1.0").contains("AWS SDK for Java 2.40.2");
  }

  @Test
  void jar_policy_isValidJsonWithTheCallsCollectMakes() throws Exception {
    Result result = jar(Map.of(), "policy");

    assertThat(result.exitCode()).isZero();
    JsonNode actions = JSON.readTree(result.stdout()).get("Statement").get(0).get("Action");
    List<String> list = new ArrayList<>();
    actions.forEach(a -> list.add(a.asText()));
    assertThat(list)
        .containsExactly(
            "ec2:DescribeImages",
            "ec2:DescribeInstanceTypes",
            "ec2:DescribeInstances",
            "ec2:DescribeRegions",
            "ec2:DescribeReservedInstances",
            "rds:DescribeDBInstances");
  }

  @Test
  void jar_outputDirIsAFile_exits2() throws IOException, Exception {
    Path file = Files.writeString(out.resolve("file"), "x");
    Result result = jar(credentials(), "collect", "--output-dir", file.toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("--output-dir").hasLineCount(1);
  }
}
