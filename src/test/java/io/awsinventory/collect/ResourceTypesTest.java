package io.awsinventory.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ResourceTypesTest {
  static List<ResourceType> types() {
    return ResourceTypes.all();
  }

  @ParameterizedTest
  @MethodSource("types")
  void everyResourceType_hasAUsableColumnListAndIsFoundByName(ResourceType type) {
    assertThat(ResourceTypes.named(type.name())).containsSame(type);
    assertThat(type.columns()).first().isEqualTo(type.idMember());
    assertThat(type.columns()).doesNotHaveDuplicates();
    boolean tagged =
        type.model().stream()
            .flatMap(model -> model.sdkFields().stream())
            .anyMatch(field -> field.memberName().equals(type.tagsMember()));
    assertThat(type.columns().contains(ResourceType.TAGS_COLUMN))
        .as("Tags column")
        .isEqualTo(tagged);
    assertThat(type.columns())
        .allSatisfy(c -> assertThat(c).matches("[A-Za-z][A-Za-z0-9]*(\\.[A-Za-z][A-Za-z0-9]*)*"));
    assertThat(type.iamActions()).isNotEmpty().allMatch(a -> a.matches("[a-z0-9-]+:[A-Za-z]+"));
  }

  @Test
  void namesAndFileStems_areUnique() {
    Set<String> names = new HashSet<>();
    Set<String> stems = new HashSet<>();
    for (ResourceType type : ResourceTypes.all()) {
      assertThat(names.add(type.name())).as(type.name()).isTrue();
      assertThat(stems.add(type.fileStem())).as(type.fileStem()).isTrue();
    }
  }

  @Test
  void everyNeededFact_hasOneProducer_andStepsRunTheProducerFirst() {
    for (ResourceType consumer : ResourceTypes.all()) {
      for (TargetFact fact : consumer.needs()) {
        ResourceType producer = ResourceTypes.producerOf(fact);
        assertThat(producer).isNotSameAs(consumer);
        // registry order puts the consumer anywhere; the steps still run the producer first
        List<ResourceType> steps = ResourceTypes.steps(List.of(consumer, producer));
        assertThat(steps.indexOf(producer)).isLessThan(steps.indexOf(consumer));
        assertThat(ResourceTypes.steps(List.of(consumer))).containsExactly(consumer);
        assertThat(ResourceTypes.iamActions(consumer))
            .startsWith(consumer.iamActions().toArray(String[]::new))
            .containsAll(producer.iamActions());
      }
    }
  }

  @Test
  void steps_ofImagesAndInstances_runInstancesFirst() {
    ResourceType images = ResourceTypes.named("images").orElseThrow();
    ResourceType instances = ResourceTypes.named("instances").orElseThrow();

    assertThat(ResourceTypes.steps(List.of(images, instances))).containsExactly(instances, images);
    assertThat(ResourceTypes.iamActions(images))
        .containsExactly(
            "ec2:DescribeImages", "ec2:DescribeInstances", "ec2:DescribeInstanceTypes");
  }

  private static List<String> names(List<ResourceType> types) {
    return types.stream().map(ResourceType::name).toList();
  }

  @Test
  void chains_ofEveryType_putTheTypesOfOneFactTogether_andTheRestAlone() {
    List<ResourceType> steps = ResourceTypes.steps(ResourceTypes.all());

    List<List<ResourceType>> chains = ResourceTypes.chains(steps);

    assertThat(chains.stream().map(ResourceTypesTest::names))
        .containsExactly(
            List.of(
                "hosts", "applications", "managed-nodes", "instances", "images", "instance-types"),
            List.of("reserved-instances"),
            List.of("db-instances"),
            List.of("reserved-db-instances"),
            List.of("license-usage"));
  }

  @Test
  void chains_withoutTheProducer_keepTheTypesThatNeedItsFactsTogether() {
    // images and instance types both need facts of instances (images in use, instance types in
    // use), which is not selected: they share a chain, so the instances' calls that give them their
    // facts are made once
    List<ResourceType> steps =
        ResourceTypes.steps(
            List.of(
                ResourceTypes.named("instance-types").orElseThrow(),
                ResourceTypes.named("db-instances").orElseThrow(),
                ResourceTypes.named("images").orElseThrow()));

    assertThat(ResourceTypes.chains(steps).stream().map(ResourceTypesTest::names))
        .containsExactly(List.of("images", "instance-types"), List.of("db-instances"));
  }

  @Test
  void chains_holdEveryStepOnce_inStepOrder() {
    List<ResourceType> all = ResourceTypes.all();
    for (int mask = 1; mask < 1 << all.size(); mask += 7) {
      List<ResourceType> selected = new java.util.ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        if ((mask & 1 << i) != 0) {
          selected.add(all.get(i));
        }
      }
      List<ResourceType> steps = ResourceTypes.steps(selected);
      List<List<ResourceType>> chains = ResourceTypes.chains(steps);
      assertThat(chains.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(steps);
      for (List<ResourceType> chain : chains) {
        assertThat(chain).isSortedAccordingTo(java.util.Comparator.comparing(steps::indexOf));
      }
    }
  }

  @Test
  void types_sortInRegistryOrder() {
    List<ResourceType> all = ResourceTypes.all();
    assertThat(new java.util.TreeSet<>(Set.copyOf(all))).containsExactlyElementsOf(all);
  }
}
