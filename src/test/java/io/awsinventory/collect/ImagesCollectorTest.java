package io.awsinventory.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.Image;

class ImagesCollectorTest {
  private final Ec2Client ec2 = mock(Ec2Client.class);
  private final RecordingSink sink = new RecordingSink();
  private final List<DescribeImagesRequest> requests = new ArrayList<>();

  private static Image image(String id) {
    return Image.builder().imageId(id).name("name-" + id).state("available").build();
  }

  /** Owned images come in two pages; a lookup by id answers the ids it knows from {@code known}. */
  private void serve(Set<String> known) {
    when(ec2.describeImages(any(DescribeImagesRequest.class)))
        .thenAnswer(
            call -> {
              DescribeImagesRequest request = call.getArgument(0);
              requests.add(request);
              if (request.owners().contains("self")) {
                return request.nextToken() == null
                    ? DescribeImagesResponse.builder()
                        .images(image("ami-own1"))
                        .nextToken("p2")
                        .build()
                    : DescribeImagesResponse.builder().images(image("ami-own2")).build();
              }
              List<Image> found = new ArrayList<>();
              for (String id : request.filters().get(0).values()) {
                if (known.contains(id)) {
                  found.add(image(id));
                }
              }
              return DescribeImagesResponse.builder().images(found).build();
            });
  }

  @Test
  void collect_ownedTwoPages_plusImagesInUse_missingOnesMarked() {
    serve(Set.of("ami-public"));

    ImagesCollector.TYPE.collect(
        new FakeApis(ec2, null, Set.of("ami-own1", "ami-public", "ami-gone")), sink);

    assertThat(sink.values("ImageId"))
        .containsExactly("ami-own1", "ami-own2", "ami-public", "ami-gone");
    assertThat(sink.values("State"))
        .containsExactly("available", "available", "available", "missing");
    assertThat(requests.get(0).includeDeprecated()).isTrue();
    assertThat(requests.get(0).includeDisabled()).isTrue();
    // the owned ami-own1 is not looked up again
    assertThat(requests.get(2).filters().get(0).values()).containsExactly("ami-gone", "ami-public");
  }

  @Test
  void collect_manyImagesInUse_looksThemUpInBatchesOf200() {
    Set<String> inUse = new TreeSet<>();
    IntStream.range(0, 450).forEach(i -> inUse.add(String.format("ami-%05d", i)));
    serve(inUse);

    ImagesCollector.TYPE.collect(new FakeApis(ec2, null, inUse), sink);

    List<Integer> batchSizes =
        requests.stream()
            .filter(r -> r.owners().isEmpty())
            .map(r -> r.filters().get(0).values().size())
            .toList();
    assertThat(batchSizes).containsExactly(200, 200, 50);
    assertThat(sink.records).hasSize(452);
  }

  @Test
  void collect_nothingOwnedNothingInUse_writesNothing() {
    when(ec2.describeImages(any(DescribeImagesRequest.class)))
        .thenReturn(DescribeImagesResponse.builder().build());

    ImagesCollector.TYPE.collect(new FakeApis(ec2, null, Set.of()), sink);

    assertThat(sink.records).isEmpty();
  }
}
