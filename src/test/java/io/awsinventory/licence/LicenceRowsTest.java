package io.awsinventory.licence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every built-in rule, at each of its boundaries, through the rows it makes. */
class LicenceRowsTest {
  private final List<LicenceRow> rows = new ArrayList<>();
  private final LicenceRows counter = new LicenceRows(Rules.builtIn(), rows::add);

  /** An instance record as the set holds it, running one product. */
  private static ObjectNode instance(
      String id,
      String tenancy,
      Integer vcpus,
      Integer threads,
      String product,
      String edition,
      boolean included) {
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    record.put("AccountId", "111111111111").put("Region", "eu-west-1").put("InstanceId", id);
    record.putObject("State").put("Name", "running");
    record.put("Tenancy", tenancy);
    if (vcpus != null) {
      record.put("Vcpus", vcpus).put("CoreCount", vcpus / threads).put("ThreadsPerCore", threads);
    }
    record
        .putArray("Products")
        .addObject()
        .put("Product", product)
        .put("Edition", edition)
        .put("Source", "billing-code")
        .put("LicenseIncluded", included);
    return record;
  }

  private static ObjectNode onHost(
      String id, String host, Integer sockets, Integer cores, int vcpus, String product) {
    ObjectNode record = instance(id, "host", vcpus, 2, product, "", false);
    record.put("HostId", host);
    if (sockets != null) {
      record.put("HostSockets", sockets).put("HostCores", cores);
    }
    return record;
  }

  private LicenceRow only() {
    counter.finish();
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @ParameterizedTest(name = "SQL Server BYOL on {0} vCPUs needs {1} core licences")
  @CsvSource({"2,4", "4,4", "5,5", "8,8", "16,16"})
  void sqlServerOnSharedTenancy_licensesItsVcpus_atLeastFour(int vcpus, long units) {
    counter.instance(instance("i-1", "default", vcpus, 1, "SQL Server", "Enterprise", false));

    LicenceRow row = only();
    assertThat(row.units()).isEqualTo(units);
    assertThat(row.rule()).isEqualTo("sql-server-per-core");
    assertThat(row.metric()).isEqualTo("core");
    assertThat(row.counted()).isTrue();
  }

  @ParameterizedTest(name = "Oracle EE on {0} vCPUs at {1} threads per core: {2} processors")
  @CsvSource({"2,2,1", "3,2,2", "8,2,4", "8,1,8", "1,1,1", "16,2,8"})
  void oracleEnterprise_countsTwoVcpusAsOneProcessor_onlyWithTwoThreadsPerCore(
      int vcpus, int threads, long units) {
    counter.instance(
        instance("i-1", "default", vcpus, threads, "Oracle Database", "Enterprise Edition", false));

    LicenceRow row = only();
    assertThat(row.units()).isEqualTo(units);
    assertThat(row.rule()).isEqualTo("oracle-processor");
    assertThat(row.metric()).isEqualTo("processor");
  }

  @ParameterizedTest(name = "Oracle SE2 on {0} vCPUs: {1} sockets, flagged {2}")
  @CsvSource({"2,1,false", "4,1,false", "5,2,false", "8,2,false", "9,3,true", "16,4,true"})
  void oracleSe2_countsFourVcpusAsASocket_andFlagsMoreThanEight(
      int vcpus, long units, boolean flagged) {
    counter.instance(
        instance("i-1", "default", vcpus, 2, "Oracle Database", "Standard Edition 2", false));

    LicenceRow row = only();
    assertThat(row.units()).isEqualTo(units);
    assertThat(row.metric()).isEqualTo("socket");
    assertThat(row.flagged()).isEqualTo(flagged);
    if (flagged) {
      assertThat(row.note()).contains("more than 8 vCPUs");
    }
  }

  @ParameterizedTest(name = "Windows Server BYOL on a host of {0} sockets x {1} cores: {2}")
  @CsvSource({"2,48,48", "2,10,16", "1,6,16", "2,16,16", "2,18,18", "1,17,18", "4,24,32"})
  void windowsOnADedicatedHost_licensesEveryCore_eightPerProcessor_sixteenPerHost_inPairs(
      int sockets, int cores, long units) {
    counter.instance(onHost("i-1", "h-1", sockets, cores, 2, "Windows Server"));
    counter.instance(onHost("i-2", "h-1", sockets, cores, 4, "Windows Server"));
    counter.finish();

    assertThat(rows).hasSize(3);
    LicenceRow host = rows.stream().filter(r -> r.kind().equals("host")).findFirst().orElseThrow();
    assertThat(host.resourceId()).isEqualTo("h-1");
    assertThat(host.units()).isEqualTo(units);
    assertThat(host.physicalCores()).isEqualTo(cores);
    assertThat(host.counted()).isTrue();
    assertThat(rows.stream().filter(r -> r.kind().equals("instance")))
        .allSatisfy(
            r -> {
              assertThat(r.units()).isZero();
              assertThat(r.note()).contains("h-1");
            });
  }

  @Test
  void sqlServerOnADedicatedHost_countsTheLowerOfPerInstanceAndPerHost() {
    // 3 instances of 2 vCPUs: 3 x 4 = 12 per instance, against 2 x max(2, 4) = 8 per host
    for (int i = 0; i < 3; i++) {
      counter.instance(onHost("i-" + i, "h-small", 2, 4, 2, "SQL Server"));
    }
    // 1 instance of 8 vCPUs: 8 per instance, against 48 per host
    counter.instance(onHost("i-9", "h-big", 2, 48, 8, "SQL Server"));
    counter.finish();

    LicenceRow small = host("h-small");
    assertThat(small.units()).isEqualTo(8);
    assertThat(small.counted()).isTrue();
    assertThat(small.note()).contains("per host 8, per instance 12");
    assertThat(rows)
        .filteredOn(r -> "h-small".equals(r.hostId()) && r.kind().equals("instance"))
        .hasSize(3)
        .allSatisfy(
            r -> {
              assertThat(r.units()).isEqualTo(4);
              assertThat(r.counted()).isFalse();
            });
    LicenceRow big = host("h-big");
    assertThat(big.units()).isEqualTo(48);
    assertThat(big.counted()).isFalse();
    LicenceRow instance = row("i-9");
    assertThat(instance.units()).isEqualTo(8);
    assertThat(instance.counted()).isTrue();
    assertThat(instance.note()).contains("per host 48, per instance 8");
  }

  @Test
  void aHostWhoseCoresAreUnknown_isNotComputable_neverZero() {
    counter.instance(onHost("i-1", "h-1", null, null, 2, "Windows Server"));
    counter.finish();

    LicenceRow host = host("h-1");
    assertThat(host.units()).isNull();
    assertThat(host.counted()).isTrue();
    assertThat(host.note()).startsWith("not computable").contains("collect hosts");
  }

  @Test
  void unknownVcpus_areNotComputable_neverZero() {
    counter.instance(instance("i-1", "default", null, 1, "SQL Server", "Standard", false));

    LicenceRow row = only();
    assertThat(row.units()).isNull();
    assertThat(row.note()).startsWith("not computable");
  }

  @Test
  void licenceIncluded_needsNoUnits_andSaysSo() {
    counter.instance(instance("i-1", "default", 16, 2, "SQL Server", "Enterprise", true));
    counter.instance(instance("i-2", "default", 16, 2, "Windows Server", "", true));
    counter.instance(instance("i-3", "default", 4, 2, "Red Hat Enterprise Linux", "", true));
    counter.finish();

    assertThat(rows)
        .hasSize(3)
        .allSatisfy(
            r -> {
              assertThat(r.units()).isZero();
              assertThat(r.note()).contains("licence included");
              assertThat(r.licenseIncluded()).isTrue();
            });
    assertThat(rows).extracting(LicenceRow::metric).containsExactly("core", "core", "instance");
  }

  @Test
  void windowsByolOnSharedTenancy_isFlagged_withNoUnits() {
    counter.instance(instance("i-1", "default", 4, 2, "Windows Server", "", false));

    LicenceRow row = only();
    assertThat(row.flagged()).isTrue();
    assertThat(row.units()).isZero();
    assertThat(row.rule()).isEqualTo("windows-server-shared");
  }

  @Test
  void windowsByolOnADedicatedInstance_isNotComputable() {
    counter.instance(instance("i-1", "dedicated", 4, 2, "Windows Server", "", false));

    LicenceRow row = only();
    assertThat(row.units()).isNull();
    assertThat(row.rule()).isEqualTo("windows-server-dedicated");
  }

  @Test
  void freeEditions_needNoUnits_andProductsWithoutARule_areNotComputable() {
    counter.instance(instance("i-1", "default", 8, 2, "SQL Server", "Express", false));
    counter.instance(instance("i-2", "default", 8, 2, "Red Hat Enterprise Linux", "", false));
    counter.finish();

    assertThat(row("i-1").units()).isZero();
    assertThat(row("i-1").rule()).isEqualTo("sql-server-free");
    assertThat(row("i-2").units()).isNull();
    assertThat(row("i-2").rule()).isEmpty();
  }

  @Test
  void staleRows_areCountedAndFlaggedStale_terminatedOnesNotAtAll() {
    ObjectNode stale = instance("i-1", "default", 8, 2, "SQL Server", "Standard", false);
    stale.put("Stale", true);
    ObjectNode gone = instance("i-2", "default", 8, 2, "SQL Server", "Standard", false);
    gone.with("State").put("Name", "terminated");
    counter.instance(stale);
    counter.instance(gone);

    LicenceRow row = only();
    assertThat(row.resourceId()).isEqualTo("i-1");
    assertThat(row.stale()).isTrue();
    assertThat(row.units()).isEqualTo(8);
  }

  @Test
  void rdsByol_countsFromTheDbInstancesVcpus_licenceIncludedIsCovered() {
    ObjectNode byol = instance("x", null, 4, 2, "Oracle Database", "Enterprise Edition", false);
    byol.remove("InstanceId");
    byol.put("DBInstanceIdentifier", "db-1").put("Source", "rds-engine");
    ObjectNode included = instance("x", null, 8, 2, "SQL Server", "Standard", true);
    included.put("DBInstanceIdentifier", "db-2");
    counter.dbInstance(byol);
    counter.dbInstance(included);
    counter.finish();

    assertThat(row("db-1").units()).isEqualTo(2);
    assertThat(row("db-1").kind()).isEqualTo("db-instance");
    assertThat(row("db-2").units()).isZero();
  }

  private LicenceRow host(String id) {
    return rows.stream()
        .filter(r -> r.kind().equals("host") && r.resourceId().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private LicenceRow row(String id) {
    return rows.stream().filter(r -> r.resourceId().equals(id)).findFirst().orElseThrow();
  }
}
