package io.awsinventory.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the product table, its sources and how one product found twice is merged. */
class ProductTableTest {
  private static final ProductTable TABLE = ProductTable.builtIn();

  private static String names(List<ProductTable.Product> products) {
    List<String> names = new ArrayList<>();
    for (ProductTable.Product p : products) {
      names.add(p.product() + "/" + p.edition() + "/" + p.licenseIncluded());
    }
    return String.join("; ", names);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "RunInstances      | ''",
        "RunInstances:00g0 | Red Hat Enterprise Linux//false",
        "RunInstances:0010 | Red Hat Enterprise Linux//true",
        "RunInstances:1010 | Red Hat Enterprise Linux//true; Red Hat Enterprise Linux High Availability//true",
        "RunInstances:1014 | Red Hat Enterprise Linux//true; Red Hat Enterprise Linux High Availability//true; SQL Server/Standard/true",
        "RunInstances:1110 | Red Hat Enterprise Linux//true; Red Hat Enterprise Linux High Availability//true; SQL Server/Enterprise/true",
        "RunInstances:0014 | Red Hat Enterprise Linux//true; SQL Server/Standard/true",
        "RunInstances:0210 | Red Hat Enterprise Linux//true; SQL Server/Web/true",
        "RunInstances:0110 | Red Hat Enterprise Linux//true; SQL Server/Enterprise/true",
        "RunInstances:0100 | SQL Server/Enterprise/true",
        "RunInstances:0004 | SQL Server/Standard/true",
        "RunInstances:0200 | SQL Server/Web/true",
        "RunInstances:000g | SUSE Linux Enterprise Server//true",
        "RunInstances:0g00 | Ubuntu Pro//true",
        "RunInstances:0002 | Windows Server//true",
        "RunInstances:0800 | Windows Server//false",
        "RunInstances:0102 | Windows Server//true; SQL Server/Enterprise/true",
        "RunInstances:0006 | Windows Server//true; SQL Server/Standard/true",
        "RunInstances:0202 | Windows Server//true; SQL Server/Web/true",
      })
  void everyBillingCode(String code, String products) {
    assertThat(names(TABLE.fromBillingCode(code))).isEqualTo(products);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "sqlserver-ee          | license-included       | SQL Server/Enterprise/true",
        "sqlserver-se          | license-included       | SQL Server/Standard/true",
        "sqlserver-web         | license-included       | SQL Server/Web/true",
        "sqlserver-ex          | license-included       | SQL Server/Express/true",
        "sqlserver-dev-ee      | bring-your-own-license | SQL Server/Developer/false",
        "custom-sqlserver-ee   | bring-your-own-license | SQL Server/Enterprise/false",
        "custom-sqlserver-se   | license-included       | SQL Server/Standard/true",
        "custom-sqlserver-web  | license-included       | SQL Server/Web/true",
        "custom-sqlserver-dev  | bring-your-own-license | SQL Server/Developer/false",
        "oracle-ee             | bring-your-own-license | Oracle Database/Enterprise Edition/false",
        "oracle-ee-cdb         | bring-your-own-license | Oracle Database/Enterprise Edition/false",
        "oracle-se2            | license-included       | Oracle Database/Standard Edition 2/true",
        "oracle-se2-cdb        | bring-your-own-license | Oracle Database/Standard Edition 2/false",
        "custom-oracle-ee      | bring-your-own-license | Oracle Database/Enterprise Edition/false",
        "custom-oracle-ee-cdb  | bring-your-own-license | Oracle Database/Enterprise Edition/false",
        "custom-oracle-se2     | bring-your-own-license | Oracle Database/Standard Edition 2/false",
        "custom-oracle-se2-cdb | bring-your-own-license | Oracle Database/Standard Edition 2/false",
        "db2-se                | bring-your-own-license | IBM Db2/Standard Edition/false",
        "db2-ae                | bring-your-own-license | IBM Db2/Advanced Edition/false",
        "postgres              | postgresql-license     | ''",
        "mysql                 | general-public-license | ''",
      })
  void everyRdsEngine(String engine, String model, String products) {
    assertThat(names(TABLE.fromRdsEngine(engine, model))).isEqualTo(products);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Microsoft SQL Server 2019 (64-bit)       | SQL Server//false",
        "Microsoft SQL Server 2008 R2 (32-bit)    | SQL Server//false",
        "SQL Server 2019 Enterprise Edition       | SQL Server/Enterprise/false",
        "Microsoft SQL Server 2022 Standard       | SQL Server/Standard/false",
        "sql server 2017 developer (64-bit)       | SQL Server/Developer/false",
        "SQL Server 2016 Web Edition              | SQL Server/Web/false",
        "Microsoft SQL Server 2014 Express        | SQL Server/Express/false",
        "Oracle Database 19c Enterprise Edition   | Oracle Database/Enterprise Edition/false",
        "Oracle Database 21c Standard Edition 2   | Oracle Database/Standard Edition 2/false",
        "redhat-release                           | Red Hat Enterprise Linux//false",
        "redhat-release-server                    | Red Hat Enterprise Linux//false",
        "sles-release                             | SUSE Linux Enterprise Server//false",
        "Microsoft SQL Server Management Studio   | ''",
        "Oracle Database Client                   | ''",
      })
  void everyApplicationPattern(String name, String products) {
    ProductTable.Product product = TABLE.fromApplication(name);
    assertThat(product == null ? "" : names(List.of(product))).isEqualTo(products);
  }

  @Test
  void everyRowOfTheTable_isExercisedAbove() {
    long billing = TABLE.rows().stream().filter(r -> r.source().equals("billing-code")).count();
    long engines = TABLE.rows().stream().filter(r -> r.source().equals("rds-engine")).count();
    long applications = TABLE.rows().stream().filter(r -> r.source().equals("application")).count();
    // 19 codes in 30 rows (one per product), 19 engines, 5 patterns; no AMI codes ship
    assertThat(billing).isEqualTo(30);
    assertThat(BillingCodes.codes()).hasSize(19);
    assertThat(engines).isEqualTo(19);
    assertThat(applications).isEqualTo(5);
    assertThat(TABLE.rows()).hasSize(54);
  }

  @Test
  void amiRows_matchAProductCode() throws IOException {
    ProductTable table = read("ami\taw0evgkw8e\tSQL Server\tStandard\tincluded\n");

    assertThat(names(table.fromProductCode("aw0evgkw8e"))).isEqualTo("SQL Server/Standard/true");
    assertThat(table.fromProductCode("other")).isEmpty();
  }

  @Test
  void aProductFoundTwice_keepsTheBillingCode_andTakesTheEditionAnApplicationTells() {
    List<ProductTable.Product> found = new ArrayList<>();
    found.add(TABLE.fromApplication("SQL Server 2019 Enterprise Edition"));
    found.addAll(TABLE.fromBillingCode("RunInstances:0002"));
    found.add(TABLE.fromApplication("Microsoft SQL Server 2019 (64-bit)"));
    found.addAll(TABLE.fromBillingCode("RunInstances:0010"));
    found.add(TABLE.fromApplication("redhat-release"));

    List<ProductTable.Product> merged = ProductTable.merge(found);

    assertThat(merged)
        .extracting(p -> p.product() + "/" + p.edition() + "/" + p.source())
        .containsExactly(
            "Windows Server//billing-code",
            "Red Hat Enterprise Linux//billing-code",
            "SQL Server/Enterprise/application");
  }

  @Test
  void aMalformedRow_namesItsLine() {
    assertThatThrownBy(() -> read("# header\nbilling-code\tRunInstances\n"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("line 2");
    assertThatThrownBy(() -> read("invoice\tx\tp\te\tincluded\n")).hasMessageContaining("line 1");
  }

  private static ProductTable read(String text) throws IOException {
    return ProductTable.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }
}
