package io.awsinventory.fanout;

import io.awsinventory.collect.LicenceFacts;
import io.awsinventory.collect.RecordSink;
import io.awsinventory.collect.ResourceDataSync;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.collect.ResourceTypes;
import io.awsinventory.collect.TargetApis;
import io.awsinventory.collect.TargetFact;
import io.awsinventory.collect.TypeCpus;
import io.awsinventory.transport.AwsClients;
import io.awsinventory.transport.DependencyFailedException;
import io.awsinventory.transport.TargetScope;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.licensemanager.LicenseManagerClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * The calls of one target on the thread that opens it, until it is closed: the run's shared clients
 * of the target's region, which make the calls of this thread with the target's credentials, rate
 * and retry state ({@link TargetScope}); and the facts its steps learn for each other.
 */
public final class TargetCalls implements TargetApis, AutoCloseable {
  private final AwsClients clients;
  private final Target target;
  private final ResourceDataSync inventorySync;
  private final TargetScope scope;
  private final Map<TargetFact, Set<String>> facts = new HashMap<>();
  private final Map<TargetFact, String> failedFacts = new HashMap<>();
  private final LicenceFacts licenceFacts = new LicenceFacts();
  private final TypeCpus typeCpus;
  private TypeCpus.Lookup typeLookup;

  /**
   * @param inventorySync the Resource Data Sync installed software is read from, or null to read it
   *     from the target's Systems Manager API
   */
  public TargetCalls(AwsClients clients, Target target, ResourceDataSync inventorySync) {
    this(clients, target, inventorySync, new TypeCpus());
  }

  /**
   * @param typeCpus the run's cache of instance type CPUs, shared by its targets
   */
  public TargetCalls(
      AwsClients clients, Target target, ResourceDataSync inventorySync, TypeCpus typeCpus) {
    this.typeCpus = typeCpus;
    this.clients = clients;
    this.target = target;
    this.inventorySync = inventorySync;
    this.scope =
        TargetScope.enter(target.credentials(), target.account().id() + "/" + target.region());
  }

  @Override
  public Ec2Client ec2() {
    return clients.targetEc2(target.region());
  }

  @Override
  public RdsClient rds() {
    return clients.targetRds(target.region());
  }

  @Override
  public SsmClient ssm() {
    return clients.targetSsm(target.region());
  }

  @Override
  public LicenseManagerClient licenseManager() {
    return clients.targetLicenseManager(target.region());
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
    return gatheringFacts(type, wanted, licenceFacts.gathering(type, sink));
  }

  private RecordSink gatheringFacts(ResourceType type, Set<TargetFact> wanted, RecordSink sink) {
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
      RecordSink gather = gatheringFacts(producer, producer.provides().keySet(), record -> {});
      producer.collect(this, gather);
      values = facts.get(fact);
    }
    return values;
  }

  @Override
  public LicenceFacts licenceFacts() {
    return licenceFacts;
  }

  @Override
  public TypeCpus.Lookup typeCpus() {
    if (typeLookup == null) {
      typeLookup = typeCpus.lookup(ec2(), accountId() + "/" + region(), region());
    }
    return typeLookup;
  }

  /** Ends the target's calls on this thread; the shared clients stay open. */
  @Override
  public void close() {
    scope.close();
  }
}
