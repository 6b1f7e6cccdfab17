package io.awsinventory.fanout;

import io.awsinventory.collect.RecordSink;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.collect.ResourceTypes;
import io.awsinventory.collect.TargetApis;
import io.awsinventory.collect.TargetFact;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.rds.RdsClient;

/**
 * The clients of one target, built on first use and closed when the target's task ends, so a run
 * over thousands of accounts holds clients only for the targets in flight; and the facts its steps
 * learn for each other.
 */
public final class TargetCalls implements TargetApis, AutoCloseable {
  private final AwsClients clients;
  private final Target target;
  private Ec2Client ec2;
  private RdsClient rds;
  private final Map<TargetFact, Set<String>> facts = new HashMap<>();
  private final Map<TargetFact, String> failedFacts = new HashMap<>();

  public TargetCalls(AwsClients clients, Target target) {
    this.clients = clients;
    this.target = target;
  }

  @Override
  public Ec2Client ec2() {
    if (ec2 == null) {
      ec2 = clients.ec2(target.credentials(), target.region());
    }
    return ec2;
  }

  @Override
  public RdsClient rds() {
    if (rds == null) {
      rds = clients.rds(target.credentials(), target.region());
    }
    return rds;
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
      // the producing type is not collected in this run: run its calls for the fact alone
      ResourceType producer = ResourceTypes.producerOf(fact);
      RecordSink gather = gathering(producer, Set.of(fact), record -> {});
      producer.collect(this, gather);
      values = facts.get(fact);
    }
    return values;
  }

  @Override
  public void close() {
    if (ec2 != null) {
      ec2.close();
    }
    if (rds != null) {
      rds.close();
    }
  }
}
