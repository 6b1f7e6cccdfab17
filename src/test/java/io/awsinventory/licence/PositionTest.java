package io.awsinventory.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The position: sums per account and in total, and the balance against entitlements. */
class PositionTest {
  @TempDir Path dir;

  private static LicenceRow row(
      String account,
      String id,
      String kind,
      boolean included,
      Long units,
      boolean counted,
      boolean stale) {
    return new LicenceRow(
        account,
        "eu-west-1",
        id,
        kind,
        "SQL Server",
        "Enterprise",
        "application",
        included,
        "default",
        null,
        8,
        null,
        "core",
        units,
        "sql-server-per-core",
        "",
        counted,
        false,
        stale);
  }

  @Test
  void sumsCountedUnits_perAccountAndInTotal_withTheResourcesBehindThem() throws IOException {
    Position position = new Position();
    position.add(row("111111111111", "i-1", "instance", false, 8L, true, false));
    position.add(row("111111111111", "i-2", "instance", true, 0L, true, true));
    position.add(row("222222222222", "i-3", "instance", false, 4L, false, false));
    position.add(row("222222222222", "h-1", "host", false, 16L, true, false));
    position.add(row("222222222222", "i-4", "instance", false, null, true, false));
    Path owned =
        Files.writeString(
            dir.resolve("owned.csv"),
            "product,edition,metric,quantity\nSQL Server,Enterprise,core,20\n"
                + "SQL Server,Enterprise,core,2\nOracle Database,Enterprise Edition,processor,4\n");

    List<Position.Line> lines = position.lines(Entitlements.read(owned));

    assertThat(lines)
        .extracting(Position.Line::scope)
        .containsExactly("account", "account", "total", "total");
    Position.Line first = lines.get(0);
    assertThat(first.accountId()).isEqualTo("111111111111");
    assertThat(first.unitsRequired()).isEqualTo(8);
    assertThat(first.resources()).isEqualTo(2);
    assertThat(first.licenseIncluded()).isEqualTo(1);
    assertThat(first.stale()).isEqualTo(1);
    assertThat(first.owned()).isNull();
    Position.Line second = lines.get(1);
    assertThat(second.unitsRequired()).as("the uncounted alternative is left out").isEqualTo(16);
    assertThat(second.hosts()).isEqualTo(1);
    assertThat(second.notComputable()).isEqualTo(1);
    Position.Line oracle = lines.get(2);
    assertThat(oracle.product()).isEqualTo("Oracle Database");
    assertThat(oracle.owned()).isEqualTo(4);
    assertThat(oracle.balance()).isEqualTo(4);
    Position.Line sql = lines.get(3);
    assertThat(sql.unitsRequired()).isEqualTo(24);
    assertThat(sql.owned()).isEqualTo(22);
    assertThat(sql.balance()).as("a shortfall").isEqualTo(-2);
  }

  @Test
  void aWrongEntitlementsFile_isRefused_namingTheRow() throws IOException {
    Path header = Files.writeString(dir.resolve("a.csv"), "name,count\nSQL Server,4\n");
    Path quantity =
        Files.writeString(
            dir.resolve("b.csv"), "product,edition,metric,quantity\nSQL,,core,four\n");

    assertThatThrownBy(() -> Entitlements.read(header)).hasMessageContaining("the header is");
    assertThatThrownBy(() -> Entitlements.read(quantity))
        .hasMessageContaining("row 2")
        .hasMessageContaining("whole number quantity");
  }
}
