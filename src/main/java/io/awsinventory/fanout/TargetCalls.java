package io.awsinventory.fanout;

import io.awsinventory.collect.RecordSink;
import io.awsinventory.collect.ResourceDataSync;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.collect.ResourceTypes;
import io.awsinventory.collect.TargetApis;
import io.awsinventory.collect.TargetFact;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.licensemanager.LicenseManagerClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The clients of one target, built on first use and closed when the target's task ends, so a run
 * over thousands of accounts holds clients only for the targets in flight; and the facts its steps
 * learn for each other.
 */
public final class TargetCalls implements TargetApis, AutoCloseable {
  private final AwsClients clients;
  private final Target target;
  private final ResourceDataSync inventorySync;
  private Ec2Client ec2;
  private RdsClient rds;
  private SsmClient ssm;
  private LicenseManagerClient licenseManager;
  private final Map<TargetFact, Set<String>> facts = new HashMap<>();
  private final Map<TargetFact, String> failedFacts = new HashMap<>();

  /**
   * @param inventorySync the Resource Data Sync installed software is read from, or null to read it
   *     from the target's Systems Manager API
   */
  public TargetCalls(AwsClients clients, Target target, ResourceDataSync inventorySync) {
    this.clients = clients;
    this.target = target;
    this.inventorySync = inventorySync;
  }

  @Override
  public Ec2Client ec2() {
    if (ec2 == null) {
      ec2 = clients.ec2(target.credentials(), target.region(), target.account().id());
    }
    return ec2;
  }

  @Override
  public RdsClient rds() {
    if (rds == null) {
      rds = clients.rds(target.credentials(), target.region(), target.account().id());
    }
    return rds;
  }

  @Override
  public SsmClient ssm() {
    if (ssm == null) {
      ssm = clients.ssm(target.credentials(), target.region(), target.account().id());
    }
    return ssm;
  }

  @Override
  public LicenseManagerClient licenseManager() {
    if (licenseManager == null) {
      licenseManager =
          clients.licenseManager(target.credentials(), target.region(), target.account().id());
    }
    return licenseManager;
  }

  @Override
  public String accountId() {
    return target.account().id();
  }

  @Override
  public String region() {
    return target.region();
  }

  @Override
  public Optional<ResourceDataSync> inventorySync() {
    return Optional.ofNullable(inventorySync);
  }

  /**
   * The sink of a step that provides facts a later step needs: each record's fact members are
   * gathered on the way to {@code sink}.
   */
  RecordSink gathering(ResourceType type, Set<TargetFact> wanted, RecordSink sink) {
    Map<TargetFact, String> members = new HashMap<>(type.provides());
    members.keySet().retainAll(wanted);
    if (members.isEmpty()) {
      return sink;
    }
    members.keySet().forEach(fact -> facts.put(fact, new HashSet<>()));
    return record -> {
      members.forEach(
          (fact, member) -> {
            var value = record.get(member);
            if (value != null && !value.isNull()) {
              facts.get(fact).add(value.asText());
            }
          });
      sink.accept(record);
    };
  }

  /** Records that the step providing {@code type}'s facts failed with {@code code}. */
  void stepFailed(ResourceType type, String code) {
    type.provides().keySet().forEach(fact -> failedFacts.put(fact, type.name() + ":" + code));
  }

  @Override
  public Set<String> fact(TargetFact fact) {
    String failure = failedFacts.get(fact);
    if (failure != null) {
      int colon = failure.indexOf(':');
      throw new DependencyFailedException(
          fact.description()
              + " are unknown: collecting "
              + failure.substring(0, colon)
              + " failed ("
              + failure.substring(colon + 1)
              + ")");
    }
    Set<String> values = facts.get(fact);
    if (values == null) {
      // the producing type is not collected in this run: run its calls once, for every fact of
      // it that this target's steps need
      ResourceType producer = ResourceTypes.producerOf(fact);
      RecordSink gather = gathering(producer, producer.provides().keySet(), record -> {});
      producer.collect(this, gather);
      values = facts.get(fact);
    }
    return values;
  }

  @Override
  public void close() {
    for (SdkAutoCloseable client : Arrays.asList(ec2, rds, ssm, licenseManager)) {
      if (client != null) {
        client.close();
      }
    }
  }
}
