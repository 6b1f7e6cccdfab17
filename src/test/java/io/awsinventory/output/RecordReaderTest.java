package io.awsinventory.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReaderTest {
  @TempDir Path dir;

  private static final Map<String, String> TYPES =
      Map.of(
          "Stale", "boolean",
          "Count", "integer",
          "Price", "number",
          "Flag", "boolean",
          "Groups", "array",
          "State.Name", "string",
          "State.Code", "integer");

  private static List<ObjectNode> readAll(Path file, OutputFormat format) throws IOException {
    List<ObjectNode> records = new ArrayList<>();
    try (RecordReader reader = RecordReader.open(file, format, TYPES, "Tags")) {
      for (ObjectNode r = reader.next(); r != null; r = reader.next()) {
        records.add(r);
      }
    }
    return records;
  }

  @Test
  void csv_rowsComeBackAsTheRecordsTheyWereWrittenFrom() throws Exception {
    Path file = dir.resolve("x.csv");
    Files.writeString(
        file,
        "\uFEFFAccountId,Region,Id,State.Name,State.Code,Count,Price,Flag,Groups,Note,Tags,Stale,Tag:env\r\n"
            + "111122223333,eu-west-1,i-1,running,16,3,0.25,true,\"[{\"\"GroupId\"\":\"\"sg-1\"\"}]\","
            + "\"a, \"\"quoted\"\"\r\nsecond line\",\"{\"\"env\"\":\"\"prod\"\",\"\"Name\"\":\"\"web\"\"}\",false,prod\r\n"
            + "111122223333,eu-west-1,i-2,,,,,,,,,true,\r\n",
        StandardCharsets.UTF_8);

    List<ObjectNode> records = readAll(file, OutputFormat.CSV);

    assertThat(records).hasSize(2);
    assertThat(records.get(0).toString())
        .isEqualTo(
            "{\"AccountId\":\"111122223333\",\"Region\":\"eu-west-1\",\"Id\":\"i-1\","
                + "\"State\":{\"Name\":\"running\",\"Code\":16},\"Count\":3,\"Price\":0.25,"
                + "\"Flag\":true,\"Groups\":[{\"GroupId\":\"sg-1\"}],"
                + "\"Note\":\"a, \\\"quoted\\\"\\r\\nsecond line\","
                + "\"Tags\":[{\"Key\":\"env\",\"Value\":\"prod\"},{\"Key\":\"Name\",\"Value\":\"web\"}],"
                + "\"Stale\":false}");
    // empty cells are absent members, as the API left them out
    assertThat(records.get(1).toString())
        .isEqualTo(
            "{\"AccountId\":\"111122223333\",\"Region\":\"eu-west-1\",\"Id\":\"i-2\","
                + "\"Stale\":true}");
  }

  @Test
  void jsonAndJsonLines_streamTheirRecords() throws Exception {
    Path json = Files.writeString(dir.resolve("x.json"), "[\n{\"Id\":\"a\"},\n{\"Id\":\"b\"}\n]\n");
    Path jsonl = Files.writeString(dir.resolve("x.jsonl"), "{\"Id\":\"a\"}\n{\"Id\":\"b\"}\n");

    assertThat(readAll(json, OutputFormat.JSON))
        .extracting(r -> r.get("Id").asText())
        .containsExactly("a", "b");
    assertThat(readAll(jsonl, OutputFormat.JSONL))
        .extracting(r -> r.get("Id").asText())
        .containsExactly("a", "b");
  }

  @Test
  void filesThatCannotBeReadBack_failWithTheReason() throws Exception {
    Path ragged = Files.writeString(dir.resolve("r.csv"), "Id,Region\r\ni-1\r\n");
    Path open = Files.writeString(dir.resolve("o.csv"), "Id,Region\r\n\"i-1,eu\r\n");
    Path badNumber = Files.writeString(dir.resolve("n.csv"), "Id,Count\r\ni-1,many\r\n");
    Path notArray = Files.writeString(dir.resolve("a.json"), "{\"Id\":\"a\"}");

    assertThatThrownBy(() -> readAll(ragged, OutputFormat.CSV))
        .hasMessageContaining("a CSV row has 1 cells under a header of 2");
    assertThatThrownBy(() -> readAll(open, OutputFormat.CSV))
        .hasMessageContaining("a quoted CSV cell is not closed");
    assertThatThrownBy(() -> readAll(badNumber, OutputFormat.CSV))
        .hasMessageContaining("'many' is not a number");
    assertThatThrownBy(() -> readAll(notArray, OutputFormat.JSON))
        .hasMessageContaining("not an array of records");
  }

  @Test
  void whatTheCsvWriterWrites_theReaderReadsBack() throws Exception {
    ObjectNode record = Json.MAPPER.createObjectNode();
    record.put("AccountId", "111122223333").put("Region", "eu-west-1").put("Id", "i-9");
    record.putObject("State").put("Name", "stopped").put("Code", 80);
    record.put("Count", 2).put("Price", 1.5).put("Flag", false);
    record.putArray("Groups").addObject().put("GroupId", "sg-2");
    record.put("Note", " leading blank, \"quotes\"\nand a line");
    record.putArray("Tags").addObject().put("Key", "Name").put("Value", "db");
    FileLayout layout =
        new FileLayout(
            "x",
            List.of(
                "Id",
                "State.Name",
                "State.Code",
                "Count",
                "Price",
                "Flag",
                "Groups",
                "Note",
                "Tags"),
            "Tags");
    Path file = dir.resolve("w.csv");
    try (var out = Files.newBufferedWriter(file)) {
      CsvFileWriter writer = new CsvFileWriter(out, CsvColumns.of(layout, List.of("Name")), false);
      byte[] json = Json.MAPPER.writeValueAsBytes(record);
      writer.write(json, 0, json.length);
      writer.finish();
    }

    ObjectNode back = readAll(file, OutputFormat.CSV).get(0);

    for (String member :
        List.of(
            "AccountId",
            "Region",
            "Id",
            "State",
            "Count",
            "Price",
            "Flag",
            "Groups",
            "Note",
            "Tags")) {
      assertThat(back.get(member)).as(member).isEqualTo(record.get(member));
    }
  }
}
