package io.awsinventory.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of AWS's "AMI billing information fields" table, and a code outside it. */
class BillingCodesTest {

  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource(
      delimiter = '|',
      value = {
        "RunInstances      | Linux/UNIX                                         | ''  | false",
        "RunInstances:00g0 | Red Hat BYOL Linux                                 | ''  | true",
        "RunInstances:0010 | Red Hat Enterprise Linux                           | Red Hat Enterprise Linux | false",
        "RunInstances:1010 | Red Hat Enterprise Linux with HA                   | Red Hat Enterprise Linux; Red Hat Enterprise Linux High Availability | false",
        "RunInstances:1014 | Red Hat Enterprise Linux with SQL Server Standard and HA | Red Hat Enterprise Linux; Red Hat Enterprise Linux High Availability; SQL Server Standard | false",
        "RunInstances:1110 | Red Hat Enterprise Linux with SQL Server Enterprise and HA | Red Hat Enterprise Linux; Red Hat Enterprise Linux High Availability; SQL Server Enterprise | false",
        "RunInstances:0014 | Red Hat Enterprise Linux with SQL Server Standard  | Red Hat Enterprise Linux; SQL Server Standard | false",
        "RunInstances:0210 | Red Hat Enterprise Linux with SQL Server Web       | Red Hat Enterprise Linux; SQL Server Web | false",
        "RunInstances:0110 | Red Hat Enterprise Linux with SQL Server Enterprise | Red Hat Enterprise Linux; SQL Server Enterprise | false",
        "RunInstances:0100 | SQL Server Enterprise                              | SQL Server Enterprise | false",
        "RunInstances:0004 | SQL Server Standard                                | SQL Server Standard | false",
        "RunInstances:0200 | SQL Server Web                                     | SQL Server Web | false",
        "RunInstances:000g | SUSE Linux                                         | SUSE Linux Enterprise Server | false",
        "RunInstances:0g00 | Ubuntu Pro                                         | Ubuntu Pro | false",
        "RunInstances:0002 | Windows                                            | Windows Server | false",
        "RunInstances:0800 | Windows BYOL                                       | ''  | true",
        "RunInstances:0102 | Windows with SQL Server Enterprise                 | Windows Server; SQL Server Enterprise | false",
        "RunInstances:0006 | Windows with SQL Server Standard                   | Windows Server; SQL Server Standard | false",
        "RunInstances:0202 | Windows with SQL Server Web                        | Windows Server; SQL Server Web | false",
      })
  void everyRowOfTheTable(String code, String platform, String included, boolean byol) {
    ObjectNode record = JsonNodeFactory.instance.objectNode().put("UsageOperation", code);

    BillingCodes.annotate(record);

    assertThat(record.get(BillingCodes.LICENSE_INCLUDED).asText()).as(platform).isEqualTo(included);
    assertThat(record.get(BillingCodes.BYOL).asBoolean()).as(platform).isEqualTo(byol);
  }

  @ParameterizedTest
  @CsvSource({"RunInstances:9999", "CreateDBInstance:0002"})
  void aCodeOutsideTheTable_addsNothing(String code) {
    ObjectNode record = JsonNodeFactory.instance.objectNode().put("UsageOperation", code);

    BillingCodes.annotate(record);

    assertThat(record.has(BillingCodes.LICENSE_INCLUDED)).isFalse();
    assertThat(record.has(BillingCodes.BYOL)).isFalse();
  }

  @org.junit.jupiter.api.Test
  void theTableHasTheNineteenRowsOfThePage() {
    assertThat(BillingCodes.codes()).hasSize(19);
  }

  @org.junit.jupiter.api.Test
  void membersStandNextToUsageOperation() {
    var instance =
        software.amazon.awssdk.services.ec2.model.Instance.builder()
            .instanceId("i-1")
            .usageOperation("RunInstances:0002")
            .usageOperationUpdateTime(java.time.Instant.parse("2024-01-01T00:00:00Z"))
            .build();

    ObjectNode record = SdkRecords.toJson(instance, "UsageOperation", BillingCodes::annotate);

    java.util.List<String> names = new java.util.ArrayList<>();
    record.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsSubsequence(
            "UsageOperation", "LicenseIncluded", "Byol", "UsageOperationUpdateTime");
  }
}
