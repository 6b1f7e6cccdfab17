package io.awsinventory.sim;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulator as one open AWS account, for tests that name their own account ids: any access key
 * acts in {@value #ACCOUNT_ID}, AssumeRole reaches any account, DescribeReservedInstances answers
 * with the raw EC2 XML a test gives, and every request is recorded.
 */
public final class SingleAccount implements AutoCloseable {
  public static final String ACCOUNT_ID = "111122223333";

  /** The access key id the tests reach the simulator with; any secret is taken. */
  public static final String ACCESS_KEY_ID = "AKIAFAKEFAKEFAKEFAKE";

  public static final String SECRET_ACCESS_KEY = "fake-secret-fake-secret-fake-secret-0000";

  private final AwsSimulator simulator;
  private final Set<String> deniedApis = ConcurrentHashMap.newKeySet();
  private final Set<String> deniedRoles = ConcurrentHashMap.newKeySet();

  private SingleAccount(AwsSimulator simulator) {
    this.simulator = simulator;
  }

  public static SingleAccount start() throws IOException {
    return new SingleAccount(
        AwsSimulator.start(
            new SimConfig().openAccount(ACCOUNT_ID).reservedInstancesXml("").recordRequests(true)));
  }

  /** The options that point a run at the simulator with static keys. */
  public List<String> reachWith(String secretAccessKey) {
    return List.of(
        "--endpoint-url",
        endpoint().toString(),
        "--access-key-id",
        ACCESS_KEY_ID,
        "--secret-access-key",
        secretAccessKey);
  }

  /** The options of a run that collects the reserved instances into {@code out}. */
  public List<String> reservedInstancesInto(Path out, String secretAccessKey) {
    List<String> options = new ArrayList<>(reachWith(secretAccessKey));
    options.addAll(List.of("--resources", "reserved-instances", "--output-dir", out.toString()));
    return options;
  }

  public URI endpoint() {
    return simulator.endpoint();
  }

  public int requests() {
    return (int) simulator.calls();
  }

  public int requests(String action) {
    return (int) simulator.calls(action);
  }

  /** The Query fields of every request, in arrival order. */
  public List<Map<String, String>> received() {
    return simulator.requests().stream().map(SimStats.Request::fields).toList();
  }

  /** Answers every call as AWS answers an unknown access key. */
  public void rejectCredentials() {
    simulator.config().rejectCredentials(true);
  }

  /** Answers {@code action} with a permission error. */
  public void deny(String action) {
    deniedApis.add(action);
    simulator.config().deniedApis(deniedApis.toArray(String[]::new));
  }

  /** Issued role sessions expire after {@code lifetime}; a call signed with one later fails. */
  public void tokenLifetime(Duration lifetime) {
    simulator.config().tokenLifetime(lifetime);
  }

  /** Every EC2 call waits this long before it answers. */
  public void latency(Duration delay) {
    simulator.config().latency(delay, Duration.ZERO);
  }

  /** AssumeRole of this role ARN answers AccessDenied. */
  public void denyAssumeRole(String roleArn) {
    deniedRoles.add(roleArn);
    simulator.config().deniedRoles(deniedRoles.toArray(String[]::new));
  }

  /** Calls refused because their session had expired. */
  public int expiredRejections() {
    return (int) simulator.expiredRejections();
  }

  /** The account each EC2 call acted in, in arrival order. */
  public List<String> accountsSeen() {
    return simulator.accountsSeen();
  }

  /** The {@code <item>} elements of reservedInstancesSet. */
  public void reservedInstances(String itemsXml) {
    simulator.config().reservedInstancesXml(itemsXml);
  }

  @Override
  public void close() {
    simulator.close();
  }
}
