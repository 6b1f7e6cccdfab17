package io.awsinventory.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Instance;

class SdkRecordsTest {
  @Test
  void toJson_usesAwsMemberNamesAndLeavesOutWhatTheApiDidNotReturn() {
    ObjectNode json =
        SdkRecords.toJson(
            Instance.builder()
                .instanceId("i-1")
                .ebsOptimized(false)
                .launchTime(Instant.parse("2024-02-29T23:59:59.123Z"))
                .cpuOptions(c -> c.coreCount(4))
                .securityGroups(g -> g.groupId("sg-1"))
                .build());

    assertThat(json.get("InstanceId").asText()).isEqualTo("i-1");
    assertThat(json.get("EbsOptimized").isBoolean()).isTrue();
    assertThat(json.get("LaunchTime").asText()).isEqualTo("2024-02-29T23:59:59.123Z");
    assertThat(json.get("CpuOptions").get("CoreCount").asInt()).isEqualTo(4);
    assertThat(json.get("SecurityGroups").get(0).get("GroupId").asText()).isEqualTo("sg-1");
    assertThat(json.has("Tags")).isFalse();
    assertThat(json.has("PublicIpAddress")).isFalse();
  }

  @Test
  void toJson_keepsListsTheApiReturnedEmpty() {
    ObjectNode json =
        SdkRecords.toJson(Instance.builder().instanceId("i-1").tags(java.util.List.of()).build());

    assertThat(json.get("Tags").isArray()).isTrue();
    assertThat(json.get("Tags")).isEmpty();
  }
}
