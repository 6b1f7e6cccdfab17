package io.awsinventory.collect;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.licensemanager.LicenseManagerClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/** Target clients for collector tests: given mocks, and the facts the target's steps learned. */
final class FakeApis implements TargetApis {
  private final Ec2Client ec2;
  private final RdsClient rds;
  private final Map<TargetFact, Set<String>> facts = new HashMap<>();
  private SsmClient ssm;
  private LicenseManagerClient licenseManager;
  private ResourceDataSync sync;

  FakeApis(Ec2Client ec2, RdsClient rds, Set<String> imageIdsInUse) {
    this.ec2 = ec2;
    this.rds = rds;
    facts.put(TargetFact.IMAGES_IN_USE, imageIdsInUse);
  }

  FakeApis withFact(TargetFact fact, Set<String> values) {
    facts.put(fact, values);
    return this;
  }

  FakeApis withSsm(SsmClient client) {
    this.ssm = client;
    return this;
  }

  FakeApis withLicenseManager(LicenseManagerClient client) {
    this.licenseManager = client;
    return this;
  }

  FakeApis withSync(ResourceDataSync value) {
    this.sync = value;
    return this;
  }

  @Override
  public Ec2Client ec2() {
    return ec2;
  }

  @Override
  public RdsClient rds() {
    return rds;
  }

  @Override
  public SsmClient ssm() {
    return ssm;
  }

  @Override
  public LicenseManagerClient licenseManager() {
    return licenseManager;
  }

  @Override
  public String accountId() {
    return "111122223333";
  }

  @Override
  public String region() {
    return "eu-west-1";
  }

  @Override
  public Optional<ResourceDataSync> inventorySync() {
    return Optional.ofNullable(sync);
  }

  @Override
  public Set<String> fact(TargetFact fact) {
    Set<String> values = facts.get(fact);
    if (values == null) {
      throw new IllegalArgumentException("no fake for " + fact);
    }
    return values;
  }

  private final LicenceFacts licenceFacts = new LicenceFacts();
  private final TypeCpus typeCpus = new TypeCpus();
  private TypeCpus.Lookup typeLookup;

  @Override
  public LicenceFacts licenceFacts() {
    return licenceFacts;
  }

  @Override
  public TypeCpus.Lookup typeCpus() {
    if (typeLookup == null) {
      typeLookup = typeCpus.lookup(ec2, accountId() + "/" + region(), region());
    }
    return typeLookup;
  }
}
