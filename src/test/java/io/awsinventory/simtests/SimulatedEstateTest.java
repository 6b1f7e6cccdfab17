package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.cli.CliRun;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's estate is one AWS could have, as the collector reads it: CPU options that match
 * the type (or an "optimize CPUs" launch with one thread per core), Windows only on x86.
 */
class SimulatedEstateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  @Test
  void instances_haveTheCpuOfTheirType_andWindowsRunsOnX86Only() throws Exception {
    try (AwsSimulator sim = AwsSimulator.start(new SimConfig().accounts(2).instances(600))) {
      CliRun run =
          SimulatedCollectTest.collect(sim, out, "--resources", "instances,instance-types");
      assertThat(run.exitCode()).as(run.err()).isZero();

      Map<String, JsonNode> types = new HashMap<>();
      for (String line : Files.readAllLines(out.resolve("ec2_instance_types.jsonl"))) {
        JsonNode type = JSON.readTree(line);
        types.put(
            type.get("AccountId").asText()
                + "/"
                + type.get("Region").asText()
                + "/"
                + type.get("InstanceType").asText(),
            type);
      }
      int optimized = 0;
      int arm = 0;
      for (String line : Files.readAllLines(out.resolve("ec2_instances.jsonl"))) {
        JsonNode instance = JSON.readTree(line);
        JsonNode type =
            types.get(
                instance.get("AccountId").asText()
                    + "/"
                    + instance.get("Region").asText()
                    + "/"
                    + instance.get("InstanceType").asText());
        assertThat(type).as(instance.get("InstanceId").asText()).isNotNull();
        // the effective CPUs: the instance's CpuOptions, or its type's defaults where AWS left
        // them out
        int cores = instance.get("CoreCount").asInt();
        int threads = instance.get("ThreadsPerCore").asInt();
        JsonNode vcpu = type.get("VCpuInfo");
        assertThat(cores).isEqualTo(vcpu.get("DefaultCores").asInt());
        if (threads == vcpu.get("DefaultThreadsPerCore").asInt()) {
          assertThat(cores * threads).isEqualTo(vcpu.get("DefaultVCpus").asInt());
        } else {
          optimized++;
          assertThat(threads).isEqualTo(1);
          assertThat(vcpu.get("ValidThreadsPerCore").toString()).contains("1");
        }
        String architecture = instance.get("Architecture").asText();
        assertThat(type.at("/ProcessorInfo/SupportedArchitectures").toString())
            .contains(architecture);
        if (architecture.equals("arm64")) {
          arm++;
          assertThat(instance.get("PlatformDetails").asText()).doesNotContain("Windows");
        }
      }
      assertThat(optimized).isPositive();
      assertThat(arm).isPositive();
    }
  }
}
