package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * EC2 images (AMIs): those the account owns, and those its instances run from whoever owns them
 * (public, Marketplace, shared). An image an instance runs from that EC2 no longer describes
 * (deregistered, or no longer shared) is recorded with {@code State} = {@value #MISSING_STATE}.
 */
public final class ImagesCollector {
  public static final String MISSING_STATE = "missing";

  /** Ids are looked up through the {@code image-id} filter, which takes at most 200 values. */
  static final int LOOKUP_BATCH = 200;

  static final int PAGE_SIZE = 1000;

  /** The type: what it is (name, file, key, columns, facts, actions) and the calls that read it. */
  public static final ResourceType TYPE =
      ResourceType.named("images", "ec2_images")
          .iamActions("ec2:DescribeImages")
          .key("ImageId")
          .columns(
              "ImageId",
              "Name",
              "State",
              "OwnerId",
              "ImageOwnerAlias",
              "Public",
              "CreationDate",
              "DeprecationTime",
              "Description",
              "Architecture",
              "Platform",
              "PlatformDetails",
              "UsageOperation",
              "LicenseIncluded",
              "Byol",
              "ImageType",
              "RootDeviceType",
              "VirtualizationType",
              "Hypervisor",
              "BootMode",
              "ProductCodes",
              "ImageLocation",
              "Tags")
          .model(Image.builder().build())
          .factColumns(
              FactColumn.text("platform_details", "PlatformDetails"),
              FactColumn.text("usage_operation", "UsageOperation"),
              FactColumn.text("license_included", "LicenseIncluded"),
              FactColumn.bool("byol", "Byol"))
          .addedMembers(BillingCodes.members())
          .needs(TargetFact.IMAGES_IN_USE)
          .calls(ImagesCollector::collect, ImagesCollector::probe);

  private ImagesCollector() {}

  private static void pageImages(
      Ec2Client ec2,
      java.util.function.Consumer<DescribeImagesRequest.Builder> selection,
      Set<String> written,
      RecordSink sink) {
    DescribeImagesRequest request =
        DescribeImagesRequest.builder()
            .includeDeprecated(true)
            .includeDisabled(true)
            .maxResults(PAGE_SIZE)
            .applyMutation(selection)
            .build();
    Iterable<ObjectNode> pages =
        Answers.ec2Pages(
            "DescribeImages",
            DescribeImagesResponse.builder(),
            (token, answer) ->
                ec2.describeImages(
                    request.toBuilder().nextToken(token).overrideConfiguration(answer).build()));
    for (ObjectNode page : pages) {
      for (ObjectNode image : Answers.items(page, "Images")) {
        if (written.add(image.path("ImageId").textValue())) {
          sink.accept(SdkRecords.insertAfter(image, "UsageOperation", BillingCodes::annotate));
        }
      }
    }
  }

  private static ObjectNode missing(String imageId) {
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    record.put("ImageId", imageId);
    record.put("State", MISSING_STATE);
    return record;
  }

  private static void probe(TargetApis apis) {
    apis.ec2().describeImages(r -> r.owners("self").maxResults(5));
  }

  private static void collect(TargetApis apis, RecordSink sink) {
    Ec2Client ec2 = apis.ec2();
    Set<String> written = new HashSet<>();
    pageImages(ec2, r -> r.owners("self"), written, sink);

    List<String> wanted = new ArrayList<>(new TreeSet<>(apis.fact(TargetFact.IMAGES_IN_USE)));
    wanted.removeAll(written);
    for (int from = 0; from < wanted.size(); from += LOOKUP_BATCH) {
      List<String> batch = wanted.subList(from, Math.min(wanted.size(), from + LOOKUP_BATCH));
      pageImages(
          ec2,
          r -> r.filters(Filter.builder().name("image-id").values(batch).build()),
          written,
          sink);
      for (String id : batch) {
        if (!written.contains(id)) {
          sink.accept(missing(id));
          written.add(id);
        }
      }
    }
  }
}
