package io.awsinventory.licence;

import static org.assertj.core.api.Assertions.assertThat;

import io.awsinventory.output.CsvStyle;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.output.PreviousSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of a small hand-written set: its files, and the page's escaping of set text. */
class LicenceReportTest {
  @TempDir Path set;

  private static final String HOSTILE = "</script><script>alert(1)</script>";

  private void writeSet() throws Exception {
    Files.writeString(
        set.resolve("run_summary.json"),
        "{\"runId\":\"r-1\",\"startedAt\":\"2026-12-06T10:00:00Z\","
            + "\"endedAt\":\"2026-12-06T10:01:00Z\",\"exitCode\":3,\"options\":{}}");
    Files.writeString(
        set.resolve("coverage.jsonl"),
        "{\"AccountId\":\"111111111111\",\"AccountName\":\""
            + HOSTILE.replace("\"", "\\\"")
            + "\",\"Region\":\"eu-west-1\",\"Resource\":\"instances\",\"Status\":\"failed\","
            + "\"Records\":0,\"CarriedRecords\":1,\"Error\":\"timed out\"}\n");
    Files.writeString(
        set.resolve("ec2_instances.jsonl"),
        "{\"AccountId\":\"111111111111\",\"Region\":\"eu-west-1\",\"InstanceId\":\"i-1\","
            + "\"Stale\":true,\"State\":{\"Name\":\"running\"},\"Tenancy\":\"default\","
            + "\"Vcpus\":8,\"ThreadsPerCore\":2,\"Products\":[{\"Product\":\"SQL Server\","
            + "\"Edition\":\"Enterprise\",\"Source\":\"application\",\"LicenseIncluded\":false}]}\n"
            + "{\"AccountId\":\"111111111111\",\"Region\":\"eu-west-1\",\"InstanceId\":\"i-2\","
            + "\"State\":{\"Name\":\"running\"}}\n");
  }

  @Test
  void writesTheRowsThePositionAndThePage_fromTheSetAlone() throws Exception {
    writeSet();
    Path into = Files.createDirectories(set.resolve("report"));

    LicenceReport.Result result =
        new LicenceReport(Rules.builtIn(), Entitlements.none())
            .write(PreviousSet.at(set), into, OutputFormat.CSV, CsvStyle.PLAIN);

    assertThat(result.fileNames())
        .containsExactly("licence_instances.csv", "licence_position.csv", "licence_report.html");
    assertThat(result.rows()).isEqualTo(1);
    assertThat(result.withoutProducts()).as("i-2 has no Products column").isEqualTo(1);
    List<String> rows = Files.readAllLines(into.resolve("licence_instances.csv"));
    assertThat(rows.get(0)).isEqualTo(String.join(",", LicenceRow.COLUMNS));
    assertThat(rows.get(1))
        .startsWith(
            "111111111111,eu-west-1,i-1,instance,SQL Server,Enterprise,application,false,true")
        .contains(",core,8,sql-server-per-core,")
        .endsWith(",true,false,true");
    assertThat(Files.readAllLines(into.resolve("licence_position.csv")))
        .contains(
            "account,111111111111,SQL Server,Enterprise,core,8,1,0,0,1,1,0,0,,",
            "total,,SQL Server,Enterprise,core,8,1,0,0,1,1,0,0,,");
    String page = Files.readString(into.resolve("licence_report.html"));
    assertThat(page)
        .doesNotContain(HOSTILE)
        .contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("timed out")
        .contains("r-1");
    assertThat(result.lines()).anySatisfy(l -> assertThat(l).contains("carry no Products column"));
  }
}
