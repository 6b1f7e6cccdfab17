package io.awsinventory.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.awsinventory.TestTypes;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvFileWriterTest {
  private static final List<String> AWKWARD =
      List.of(
          "plain",
          "comma, inside",
          "quote \" inside",
          "\"fully quoted\"",
          "line\nbreak",
          "crlf\r\nbreak",
          "tab\there",
          " leading and trailing ",
          "Ünïcødé ✓ 日本語 🚀",
          "",
          "=SUM(A1:A2)",
          "+1",
          "-1",
          "@cmd",
          "#hash");

  private static ObjectNode instance(String id, String tagValue) {
    ObjectNode record = Json.MAPPER.createObjectNode();
    record
        .put("AccountId", "123456789012")
        .put("Region", "eu-west-1")
        .put("CollectedAt", "2026-01-01T00:00:00Z");
    record.put("InstanceId", id);
    record.putObject("State").put("Name", "running").put("Code", 16);
    record.putObject("CpuOptions").put("CoreCount", 2);
    record.putArray("SecurityGroups").addObject().put("GroupId", "sg-1").put("GroupName", "a,b");
    ArrayNode tags = record.putArray("Tags");
    tags.addObject().put("Key", "Value").put("Value", tagValue);
    tags.addObject().put("Key", "Name").put("Value", "n-" + id);
    return record;
  }

  private static String write(List<ObjectNode> records, boolean escapeFormulas) throws Exception {
    StringWriter out = new StringWriter();
    CsvFileWriter writer =
        new CsvFileWriter(
            out,
            CsvColumns.of(TestTypes.INSTANCES.layout(), List.of("Value", "Missing")),
            escapeFormulas);
    for (ObjectNode record : records) {
      byte[] json = Json.MAPPER.writeValueAsBytes(record);
      writer.write(json, 0, json.length);
    }
    writer.finish();
    return out.toString();
  }

  private static List<String[]> read(String csv) throws Exception {
    List<String[]> rows = new ArrayList<>();
    try (MappingIterator<String[]> it =
        new CsvMapper()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .readerFor(String[].class)
            .readValues(csv)) {
      it.forEachRemaining(rows::add);
    }
    return rows;
  }

  @Test
  void write_awkwardValues_roundTripExactly() throws Exception {
    List<ObjectNode> records = new ArrayList<>();
    for (int i = 0; i < AWKWARD.size(); i++) {
      records.add(instance("i-" + i, AWKWARD.get(i)));
    }

    List<String[]> rows = read(write(records, false));

    List<String> header = List.of(rows.get(0));
    assertThat(header)
        .startsWith("AccountId", "AccountName", "Region", "CollectedAt", "InstanceId");
    assertThat(header).endsWith("Tag:Value", "Tag:Missing");
    int tagValue = header.indexOf("Tag:Value");
    int tags = header.indexOf("Tags");
    int state = header.indexOf("State.Name");
    int groups = header.indexOf("SecurityGroups");
    assertThat(rows).hasSize(AWKWARD.size() + 1);
    for (int i = 0; i < AWKWARD.size(); i++) {
      String[] row = rows.get(i + 1);
      assertThat(row).hasSameSizeAs(rows.get(0));
      assertThat(row[tagValue]).isEqualTo(AWKWARD.get(i));
      assertThat(Json.MAPPER.readTree(row[tags]).get("Value").asText()).isEqualTo(AWKWARD.get(i));
      assertThat(row[state]).isEqualTo("running");
      assertThat(row[groups]).isEqualTo("[{\"GroupId\":\"sg-1\",\"GroupName\":\"a,b\"}]");
      assertThat(row[header.indexOf("Tag:Missing")]).isEmpty();
      assertThat(row[header.indexOf("AccountName")]).isEmpty();
    }
  }

  @Test
  void write_usesCrlfAndQuotesOnlyWhereNeeded() throws Exception {
    String csv = write(List.of(instance("i-1", "a,b")), false);

    assertThat(csv).contains("\r\n").contains("\"a,b\"").contains(",i-1,");
  }

  @ParameterizedTest
  @ValueSource(strings = {"=SUM(A1)", "+1", "-1", "@cmd", "\tx"})
  void neutralizeFormula_prefixesAnApostrophe(String value) {
    assertThat(CsvFileWriter.neutralizeFormula(value)).isEqualTo("'" + value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "plain", "a=b", "1-2", "'quoted"})
  void neutralizeFormula_leavesOtherValues(String value) {
    assertThat(CsvFileWriter.neutralizeFormula(value)).isEqualTo(value);
  }

  @Test
  void write_withEscapeFormulas_prefixesFormulaCells() throws Exception {
    List<String[]> rows = read(write(List.of(instance("i-1", "=HYPERLINK(\"x\")")), true));

    int tagValue = List.of(rows.get(0)).indexOf("Tag:Value");
    assertThat(rows.get(1)[tagValue]).isEqualTo("'=HYPERLINK(\"x\")");
  }
}
