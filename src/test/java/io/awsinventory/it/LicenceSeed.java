package io.awsinventory.it;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Licence data in moto: Dedicated Hosts and instances of three types in two regions, and an S3
 * bucket holding a Resource Data Sync written by hand in Systems Manager's layout, for the seeded
 * account and for another account, in both regions.
 */
final class LicenceSeed {
  static final String BUCKET = "inventory-sync";
  static final String PREFIX = "org/sync";
  static final String OTHER_ACCOUNT = "210987654321";
  static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");

  /** A name with a comma, quotes and non-ASCII letters. */
  static final String AWKWARD_NAME = "Contoso \"Data\" Suite, Édition 東京";

  private final MotoSeed moto;
  final Map<String, Set<String>> hostIdsByRegion = new TreeMap<>();
  final Map<String, Set<String>> instanceTypesByRegion = new TreeMap<>();

  /** "region" -> the instance launched onto the region's first Dedicated Host, and the host. */
  final Map<String, String[]> placedOnHost = new TreeMap<>();

  /** "region/node" -> application names synced for the seeded account. */
  final Map<String, List<String>> syncedApplications = new TreeMap<>();

  LicenceSeed(MotoSeed moto) {
    this.moto = moto;
  }

  LicenceSeed seed() {
    for (String region : REGIONS) {
      try (Ec2Client ec2 = moto.ec2(region)) {
        var hosts =
            ec2.allocateHosts(
                r ->
                    r.availabilityZone(region + "a")
                        .instanceType("m5.large")
                        .quantity(2)
                        .tagSpecifications(
                            t ->
                                t.resourceType("dedicated-host")
                                    .tags(g -> g.key("Name").value("licensed"))));
        hostIdsByRegion.put(region, new TreeSet<>(hosts.hostIds()));
        Set<String> types = new TreeSet<>();
        for (String type : List.of("t3.micro", "m5.large", "c5.xlarge")) {
          ec2.runInstances(
              r -> r.imageId(MotoSeed.PUBLIC_AMI).minCount(1).maxCount(1).instanceType(type));
          types.add(type);
        }
        String host = hosts.hostIds().get(0);
        String placed =
            ec2.runInstances(
                    r ->
                        r.imageId(MotoSeed.PUBLIC_AMI)
                            .minCount(1)
                            .maxCount(1)
                            .instanceType("m5.large")
                            .placement(p -> p.hostId(host).tenancy("host")))
                .instances()
                .get(0)
                .instanceId();
        placedOnHost.put(region, new String[] {placed, host});
        instanceTypesByRegion.put(region, types);
      }
    }
    try (S3Client s3 = s3()) {
      s3.createBucket(r -> r.bucket(BUCKET));
      for (String account : List.of(MotoSeed.ACCOUNT_ID, OTHER_ACCOUNT)) {
        for (String region : REGIONS) {
          for (String node : List.of("i-0123456789abcdef0", "mi-0123456789abcdef1")) {
            List<String> names = List.of(AWKWARD_NAME, "7-Zip", "Microsoft SQL Server 2019");
            StringBuilder body = new StringBuilder();
            for (String name : names) {
              body.append(
                  String.format(
                      "{\"name\":%s,\"publisher\":\"Contoso\",\"version\":\"1.0\","
                          + "\"architecture\":\"x86_64\",\"resourceid\":\"%s\","
                          + "\"capturetime\":\"2024-06-07T08:09:10Z\",\"schemaversion\":\"1.1\","
                          + "\"accountid\":\"%s\",\"region\":\"%s\","
                          + "\"resourcetype\":\"EC2Instance\"}\n",
                      quote(name), node, account, region));
            }
            String key =
                String.format(
                    "%s/AWS:Application/accountid=%s/region=%s/"
                        + "resourcetype=ManagedInstanceInventory/%s.json",
                    PREFIX, account, region, node);
            s3.putObject(r -> r.bucket(BUCKET).key(key), RequestBody.fromString(body.toString()));
            if (account.equals(MotoSeed.ACCOUNT_ID)) {
              syncedApplications.put(region + "/" + node, new ArrayList<>(names));
            }
          }
        }
      }
    }
    return this;
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static S3Client s3() {
    URI endpoint = MotoServer.endpoint();
    return S3Client.builder()
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(MotoSeed.ACCESS_KEY_ID, MotoSeed.SECRET_ACCESS_KEY)))
        .build();
  }
}
