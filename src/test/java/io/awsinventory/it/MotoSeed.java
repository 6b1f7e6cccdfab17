package io.awsinventory.it;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * Seeds moto through the AWS SDK and remembers what it made, so tests compare the collector's files
 * with the truth rather than with fixed numbers.
 */
public final class MotoSeed {
  public static final String ACCOUNT_ID = "123456789012";
  public static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
  public static final String SECRET_ACCESS_KEY = "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";

  /** The options that point a run at moto with the seeded account's keys. */
  public static List<String> reach() {
    return List.of(
        "--endpoint-url",
        MotoServer.endpoint().toString(),
        "--access-key-id",
        ACCESS_KEY_ID,
        "--secret-access-key",
        SECRET_ACCESS_KEY);
  }

  /** A public AMI that moto serves in every region. */
  public static final String PUBLIC_AMI = "ami-12c6146b";

  /** Tag values a CSV writer and reader must carry through unchanged. */
  public static final Map<String, String> AWKWARD_TAGS = awkwardTags();

  public final Map<String, Set<String>> instanceIdsByRegion = new LinkedHashMap<>();
  public final Map<String, Set<String>> dbInstanceIdsByRegion = new LinkedHashMap<>();
  public final Set<String> ownedImageIds = new TreeSet<>();
  public String missingImageId;
  public final Set<String> awkwardInstanceIds = new TreeSet<>();

  private final URI endpoint;

  public MotoSeed(URI endpoint) {
    this.endpoint = endpoint;
  }

  private static Map<String, String> awkwardTags() {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("Name", "web, \"front\" end\nsecond line");
    tags.put("Formula", "=SUM(A1:A2)");
    tags.put("Plus", "+44 20 7946 0000");
    tags.put("Minus", "-1");
    tags.put("At", "@admin");
    tags.put("Tab", "left\tright");
    tags.put("Unicode", "Ünïcødé ✓ 日本語 🚀");
    tags.put("Empty", "");
    tags.put("cost-center", "cc,42;\"x\"");
    return Collections.unmodifiableMap(tags);
  }

  public Ec2Client ec2(String region) {
    return Ec2Client.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(credentials())
        .build();
  }

  public RdsClient rds(String region) {
    return RdsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(credentials())
        .build();
  }

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
  }

  /**
   * us-east-1: more than 1,000 instances in more than 1,000 reservations (two pages), some stopped
   * or terminated, owned AMIs, instances from a public AMI and from a deregistered one, awkward
   * tags. eu-west-1: a few instances and more than 100 DB instances (two pages).
   */
  public MotoSeed seedStandard() throws Exception {
    String east = "us-east-1";
    try (Ec2Client ec2 = ec2(east)) {
      String builder = run(ec2, east, PUBLIC_AMI, 1, Map.of()).get(0);
      ownedImageIds.add(ec2.createImage(r -> r.instanceId(builder).name("golden-1")).imageId());
      ownedImageIds.add(ec2.createImage(r -> r.instanceId(builder).name("golden-2")).imageId());
      missingImageId = ec2.createImage(r -> r.instanceId(builder).name("retired")).imageId();
      run(ec2, east, missingImageId, 2, Map.of("Role", "legacy"));
      ec2.deregisterImage(r -> r.imageId(missingImageId));
      awkwardInstanceIds.addAll(run(ec2, east, PUBLIC_AMI, 9, AWKWARD_TAGS));
      runMany(east, 1000);
      List<String> some = new ArrayList<>(instanceIdsByRegion.get(east)).subList(10, 14);
      ec2.stopInstances(r -> r.instanceIds(some.subList(0, 2)));
      ec2.terminateInstances(r -> r.instanceIds(some.subList(2, 4)));
    }
    String west = "eu-west-1";
    try (Ec2Client ec2 = ec2(west);
        RdsClient rds = rds(west)) {
      run(ec2, west, PUBLIC_AMI, 3, Map.of("Name", "west"));
      Set<String> dbs = dbInstanceIdsByRegion.computeIfAbsent(west, k -> new TreeSet<>());
      for (int i = 0; i < 105; i++) {
        String id = String.format("db-%03d", i);
        rds.createDBInstance(
            r ->
                r.dbInstanceIdentifier(id)
                    .dbInstanceClass("db.t3.micro")
                    .engine(id.endsWith("7") ? "mysql" : "postgres")
                    .masterUsername("admin")
                    .masterUserPassword("not-a-real-password-1")
                    .allocatedStorage(20)
                    .tags(t -> t.key("Name").value("database " + id)));
        dbs.add(id);
      }
    }
    return this;
  }

  /** Launches {@code count} instances in one reservation; returns their ids. */
  public List<String> run(
      Ec2Client ec2, String region, String imageId, int count, Map<String, String> tags) {
    List<Tag> tagList = new ArrayList<>();
    tags.forEach((k, v) -> tagList.add(Tag.builder().key(k).value(v).build()));
    RunInstancesResponse response =
        ec2.runInstances(
            r -> {
              r.imageId(imageId).minCount(count).maxCount(count).instanceType("t3.micro");
              if (!tagList.isEmpty()) {
                r.tagSpecifications(
                    TagSpecification.builder()
                        .resourceType(ResourceType.INSTANCE)
                        .tags(tagList)
                        .build());
              }
            });
    List<String> ids = response.instances().stream().map(Instance::instanceId).toList();
    synchronized (instanceIdsByRegion) {
      instanceIdsByRegion.computeIfAbsent(region, k -> new TreeSet<>()).addAll(ids);
    }
    return ids;
  }

  /** Launches {@code reservations} single-instance reservations, four at a time. */
  private void runMany(String region, int reservations) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int share = reservations / 4 + (t < reservations % 4 ? 1 : 0);
        futures.add(
            pool.submit(
                () -> {
                  try (Ec2Client ec2 = ec2(region)) {
                    for (int i = 0; i < share; i++) {
                      run(ec2, region, PUBLIC_AMI, 1, Map.of("Batch", "bulk"));
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  public int instanceCount() {
    return instanceIdsByRegion.values().stream().mapToInt(Set::size).sum();
  }
}
