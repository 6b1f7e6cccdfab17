package io.awsinventory.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.ResourceType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CollectorsTest {
  @ParameterizedTest
  @EnumSource(ResourceType.class)
  void everyResourceType_hasACollectorWithAUsableColumnList(ResourceType type) {
    ResourceCollector collector = Collectors.of(type);

    assertThat(collector.type()).isEqualTo(type);
    assertThat(collector.columns()).first().isEqualTo(collector.idMember());
    assertThat(collector.columns()).doesNotHaveDuplicates().contains(ResourceCollector.TAGS_COLUMN);
    assertThat(collector.columns())
        .allSatisfy(c -> assertThat(c).matches("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*"));
  }
}
