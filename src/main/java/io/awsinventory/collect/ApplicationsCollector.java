package io.awsinventory.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InvalidInstanceIdException;
import software.amazon.awssdk.services.ssm.model.ListInventoryEntriesResponse;

/**
 * The software installed on Systems Manager managed nodes (EC2 instances, and {@code mi-} hybrid
 * nodes), from Systems Manager Inventory's {@code AWS:Application} type: one record per application
 * per node. Read from each account's Systems Manager API, or, with {@code --inventory-sync}, from
 * the objects a Resource Data Sync wrote to S3 (see {@link ResourceDataSync}); both give records
 * with the same members. An account without managed nodes has no records.
 */
public final class ApplicationsCollector {
  /** The name on the command line. */
  public static final String NAME = "applications";

  public static final String INVENTORY_TYPE = "AWS:Application";

  /** The largest pages DescribeInstanceInformation and ListInventoryEntries serve. */
  static final int NODES_PAGE_SIZE = 50;

  static final int ENTRIES_PAGE_SIZE = 50;

  /** The attributes of the AWS:Application inventory schema, as the API names them. */
  static final List<String> ATTRIBUTES =
      List.of(
          "Name",
          "Publisher",
          "Version",
          "Release",
          "Epoch",
          "Architecture",
          "InstalledTime",
          "ApplicationType",
          "PackageId",
          "URL",
          "Summary",
          "CompType");

  /** A sync file's member names, lower-case there, and the record member each becomes. */
  private static final Map<String, String> SYNC_MEMBERS = syncMembers();

  /** The members of a record, in the order the API path writes them. */
  private static final List<String> RECORD_ORDER = recordOrder();

  /** The type: what it is (name, file, key, columns, facts, actions) and the calls that read it. */
  public static final ResourceType TYPE =
      ResourceType.named(NAME, "ssm_applications")
          .iamActions("ssm:DescribeInstanceInformation", "ssm:ListInventoryEntries")
          .optIn()
          .key("InstanceId", "Name", "Version", "Publisher", "Architecture")
          .columns(
              "InstanceId",
              "Name",
              "Publisher",
              "Version",
              "Release",
              "Architecture",
              "InstalledTime",
              "ApplicationType",
              "PackageId",
              "CaptureTime")
          .newestMember("CaptureTime")
          .addedMembers(addedMembers())
          .notSetUpCodes(ResourceType.NOT_SUBSCRIBED)
          .calls(ApplicationsCollector::collect, ApplicationsCollector::probe);

  private ApplicationsCollector() {}

  /** What reading a Resource Data Sync calls, with the run's own credentials. */
  public static List<String> syncActions() {
    return List.of("s3:HeadBucket", "s3:ListBucket", "s3:GetObject");
  }

  private static void collectFromApi(SsmClient ssm, RecordSink sink) {
    for (DescribeInstanceInformationResponse page :
        Pages.following(
            token ->
                ssm.describeInstanceInformation(
                    r -> r.maxResults(NODES_PAGE_SIZE).nextToken(token)),
            "DescribeInstanceInformation",
            DescribeInstanceInformationResponse::nextToken)) {
      for (InstanceInformation node : page.instanceInformationList()) {
        try {
          entries(ssm, node.instanceId(), sink);
        } catch (InvalidInstanceIdException gone) {
          // the node was deregistered between the two calls: it has no inventory to read
        }
      }
    }
  }

  private static void entries(SsmClient ssm, String instanceId, RecordSink sink) {
    for (ListInventoryEntriesResponse page :
        Pages.following(
            token ->
                ssm.listInventoryEntries(
                    r ->
                        r.instanceId(instanceId)
                            .typeName(INVENTORY_TYPE)
                            .maxResults(ENTRIES_PAGE_SIZE)
                            .nextToken(token)),
            "ListInventoryEntries",
            ListInventoryEntriesResponse::nextToken)) {
      for (Map<String, String> entry : page.entries()) {
        ObjectNode record = JsonNodeFactory.instance.objectNode();
        record.put("InstanceId", instanceId);
        for (String attribute : ATTRIBUTES) {
          String value = entry.get(attribute);
          if (value != null) {
            record.put(attribute, value);
          }
        }
        SdkRecords.putIfPresent(record, "CaptureTime", page.captureTime());
        SdkRecords.putIfPresent(record, "SchemaVersion", page.schemaVersion());
        sink.accept(record);
      }
    }
  }

  /** A sync file's entry with the API's member names; members outside the schema are left out. */
  static ObjectNode fromSync(ObjectNode entry) {
    Map<String, JsonNode> byMember = new HashMap<>();
    entry
        .fields()
        .forEachRemaining(
            field -> {
              String member = SYNC_MEMBERS.get(field.getKey().toLowerCase(Locale.ROOT));
              if (member != null && !field.getValue().isNull()) {
                byMember.put(member, field.getValue());
              }
            });
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    for (String member : RECORD_ORDER) {
      JsonNode value = byMember.get(member);
      if (value != null) {
        record.put(member, value.asText());
      }
    }
    return record;
  }

  private static List<String> recordOrder() {
    List<String> order = new ArrayList<>();
    order.add("InstanceId");
    order.addAll(ATTRIBUTES);
    order.add("CaptureTime");
    order.add("SchemaVersion");
    return List.copyOf(order);
  }

  private static Map<String, String> syncMembers() {
    Map<String, String> members = new TreeMap<>();
    for (String attribute : ATTRIBUTES) {
      members.put(attribute.toLowerCase(Locale.ROOT), attribute);
    }
    members.put("resourceid", "InstanceId");
    members.put("capturetime", "CaptureTime");
    members.put("schemaversion", "SchemaVersion");
    return Map.copyOf(members);
  }

  private static List<Member> addedMembers() {
    return RECORD_ORDER.stream()
        .map(
            member ->
                Member.text(
                    member,
                    switch (member) {
                      case "InstanceId" -> "The managed node: an EC2 instance or an mi- node.";
                      case "CaptureTime" -> "When the node's inventory was captured.";
                      case "SchemaVersion" -> "The version of the inventory schema.";
                      default -> "The AWS:Application attribute " + member + ".";
                    }))
        .toList();
  }

  private static void probe(TargetApis apis) {
    Optional<ResourceDataSync> sync = apis.inventorySync();
    if (sync.isPresent()) {
      sync.get().probe(INVENTORY_TYPE);
    } else {
      apis.ssm().describeInstanceInformation(r -> r.maxResults(5));
    }
  }

  private static void collect(TargetApis apis, RecordSink sink) {
    Optional<ResourceDataSync> sync = apis.inventorySync();
    if (sync.isPresent()) {
      sync.get()
          .read(
              INVENTORY_TYPE,
              apis.accountId(),
              apis.region(),
              entry -> sink.accept(fromSync(entry)));
    } else {
      collectFromApi(apis.ssm(), sink);
    }
  }
}
