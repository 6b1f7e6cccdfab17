package io.awsinventory.it;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * An organization in moto: the management account (the default moto account), members in nested OUs
 * (Prod, Prod/Web, Sandbox), one of them closed, each with its own instances, images and DB
 * instances, seeded through the member role as the collector will reach it.
 */
final class OrganizationSeed {
  final String managementId = MotoSeed.ACCOUNT_ID;
  String prodOu;
  String webOu;
  String sandboxOu;

  /** Account id to name, for every account of the organization. */
  final Map<String, String> names = new LinkedHashMap<>();

  String closedId;

  /** Account id to region to instance ids. */
  final Map<String, Map<String, Set<String>>> instances = new LinkedHashMap<>();

  final Map<String, Set<String>> dbInstances = new LinkedHashMap<>();
  final Map<String, Set<String>> ownedImages = new LinkedHashMap<>();

  private final URI endpoint;
  private final AwsCredentialsProvider management =
      StaticCredentialsProvider.create(
          AwsBasicCredentials.create(MotoSeed.ACCESS_KEY_ID, MotoSeed.SECRET_ACCESS_KEY));

  OrganizationSeed(URI endpoint) {
    this.endpoint = endpoint;
  }

  OrganizationSeed seed() {
    try (OrganizationsClient org =
        OrganizationsClient.builder()
            .endpointOverride(endpoint)
            .region(Region.AWS_GLOBAL)
            .credentialsProvider(management)
            .build()) {
      org.createOrganization(r -> r.featureSet("ALL"));
      String root = org.listRoots().roots().get(0).id();
      prodOu =
          org.createOrganizationalUnit(r -> r.parentId(root).name("Prod"))
              .organizationalUnit()
              .id();
      webOu =
          org.createOrganizationalUnit(r -> r.parentId(prodOu).name("Web"))
              .organizationalUnit()
              .id();
      sandboxOu =
          org.createOrganizationalUnit(r -> r.parentId(root).name("Sandbox"))
              .organizationalUnit()
              .id();
      names.put(managementId, org.describeAccount(r -> r.accountId(managementId)).account().name());
      String app = member(org, root, prodOu, "prod-app");
      String web = member(org, root, webOu, "web-1");
      String sandbox = member(org, root, sandboxOu, "sandbox, \"1\"");
      closedId = member(org, root, webOu, "closed-1");

      run(managementId, "us-east-1", 2);
      run(app, "us-east-1", 3);
      run(app, "eu-west-1", 1);
      db(app, "eu-west-1", "app-db");
      run(web, "eu-west-1", 2);
      run(sandbox, "us-east-1", 1);
      run(closedId, "us-east-1", 4);
      org.closeAccount(r -> r.accountId(closedId));
    }
    return this;
  }

  private String member(OrganizationsClient org, String root, String ou, String name) {
    String id =
        org.createAccount(
                r -> r.accountName(name).email(name.replaceAll("\\W", "") + "@example.com"))
            .createAccountStatus()
            .accountId();
    org.moveAccount(r -> r.accountId(id).sourceParentId(root).destinationParentId(ou));
    names.put(id, name);
    return id;
  }

  private AwsCredentialsProvider credentials(String accountId) {
    if (accountId.equals(managementId)) {
      return management;
    }
    StsClient sts =
        StsClient.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .credentialsProvider(management)
            .build();
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts)
        .refreshRequest(
            r ->
                r.roleArn("arn:aws:iam::" + accountId + ":role/OrganizationAccountAccessRole")
                    .roleSessionName("seed"))
        .build();
  }

  private void run(String accountId, String region, int count) {
    try (Ec2Client ec2 =
        Ec2Client.builder()
            .endpointOverride(endpoint)
            .region(Region.of(region))
            .credentialsProvider(credentials(accountId))
            .build()) {
      List<Instance> launched =
          ec2.runInstances(r -> r.imageId(MotoSeed.PUBLIC_AMI).minCount(count).maxCount(count))
              .instances();
      instances
          .computeIfAbsent(accountId, k -> new LinkedHashMap<>())
          .computeIfAbsent(region, k -> new TreeSet<>())
          .addAll(launched.stream().map(Instance::instanceId).toList());
      String image =
          ec2.createImage(
                  r -> r.instanceId(launched.get(0).instanceId()).name("img-" + accountId + region))
              .imageId();
      ownedImages.computeIfAbsent(accountId, k -> new TreeSet<>()).add(image);
    }
  }

  private void db(String accountId, String region, String id) {
    try (RdsClient rds =
        RdsClient.builder()
            .endpointOverride(endpoint)
            .region(Region.of(region))
            .credentialsProvider(credentials(accountId))
            .build()) {
      rds.createDBInstance(
          r ->
              r.dbInstanceIdentifier(id)
                  .dbInstanceClass("db.t3.micro")
                  .engine("postgres")
                  .masterUsername("admin")
                  .masterUserPassword("not-a-real-password-1")
                  .allocatedStorage(20));
      dbInstances.computeIfAbsent(accountId, k -> new TreeSet<>()).add(id);
    }
  }

  int instanceCount(String accountId) {
    return instances.getOrDefault(accountId, Map.of()).values().stream().mapToInt(Set::size).sum();
  }
}
