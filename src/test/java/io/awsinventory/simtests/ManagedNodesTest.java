package io.awsinventory.simtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.awsinventory.cli.CliRun;
import io.awsinventory.collect.ResourceTypes;
import io.awsinventory.sim.AwsSimulator;
import io.awsinventory.sim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The managed nodes of Systems Manager, as the simulator's truth holds them; i- nodes join. */
class ManagedNodesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path out;

  @Test
  void everyNode_isCollected_withItsOs_andEveryEc2NodeJoinsAnInstance() throws Exception {
    SimConfig config = new SimConfig().accounts(3).instances(240).nodesPerTarget(12);
    try (AwsSimulator sim = AwsSimulator.start(config)) {
      CliRun run = SimulatedCollectTest.collect(sim, out, "--resources", "instances,managed-nodes");

      assertThat(run.exitCode()).as(run.err()).isZero();
      Truth.assertHealthyTargetsComplete(
          sim, out, Set.of(), Set.of(ResourceTypes.named("managed-nodes").orElseThrow()));
      Set<String> instances = new HashSet<>();
      for (String line : Files.readAllLines(out.resolve("ec2_instances.jsonl"))) {
        JsonNode r = JSON.readTree(line);
        instances.add(
            r.get("AccountId").asText()
                + "/"
                + r.get("Region").asText()
                + "/"
                + r.get("InstanceId").asText());
      }
      int ec2 = 0;
      int hybrid = 0;
      for (String line : Files.readAllLines(out.resolve("ssm_managed_nodes.jsonl"))) {
        JsonNode node = JSON.readTree(line);
        String id = node.get("InstanceId").asText();
        assertThat(node.get("ComputerName").asText()).isNotEmpty();
        assertThat(node.get("PlatformName").asText()).isNotEmpty();
        assertThat(node.get("LastPingDateTime").asText()).endsWith("Z");
        if (id.startsWith("i-")) {
          ec2++;
          assertThat(node.get("ResourceType").asText()).isEqualTo("EC2Instance");
          assertThat(instances)
              .as(id + " joins an instance")
              .contains(
                  node.get("AccountId").asText() + "/" + node.get("Region").asText() + "/" + id);
        } else {
          hybrid++;
          assertThat(id).startsWith("mi-");
          assertThat(node.get("ResourceType").asText()).isEqualTo("ManagedInstance");
        }
      }
      assertThat(ec2).isPositive();
      assertThat(hybrid).isPositive();
    }
  }
}
