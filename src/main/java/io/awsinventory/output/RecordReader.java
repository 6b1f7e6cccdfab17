package io.awsinventory.output;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the records of one file of a set, in any of the three formats, one at a time: memory holds
 * one record however large the file. JSON and JSON Lines records come back as written; a CSV row is
 * rebuilt into a record from its header: dotted columns nest again, each cell gets back the JSON
 * type its column has in the schema ({@code columnTypes}), the {@code Tags} object becomes the
 * Key/Value list it was made from, and empty cells are absent members. Columns the schema does not
 * know (a file of another version) are read as text.
 */
public final class RecordReader implements AutoCloseable {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final OutputFormat format;
  private final JsonParser json;
  private final CsvRows csv;
  private final List<String> header;
  private final Map<String, String> columnTypes;
  private final String tagsMember;
  private boolean started;

  private RecordReader(
      OutputFormat format,
      JsonParser json,
      CsvRows csv,
      Map<String, String> columnTypes,
      String tagsMember)
      throws IOException {
    this.format = format;
    this.json = json;
    this.csv = csv;
    this.columnTypes = columnTypes;
    this.tagsMember = tagsMember;
    this.header = csv == null ? null : csv.next();
    if (csv != null && header == null) {
      throw new IOException("the CSV file has no header row");
    }
  }

  /**
   * Opens {@code file}, written in {@code format}.
   *
   * @param columnTypes the JSON type of each CSV column ({@code string}, {@code integer}, {@code
   *     number}, {@code boolean}, {@code array}, {@code object}); unused for JSON
   * @param tagsMember the member the {@code Tags} column of a CSV file rebuilds
   */
  public static RecordReader open(
      Path file, OutputFormat format, Map<String, String> columnTypes, String tagsMember)
      throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      if (format == OutputFormat.CSV) {
        Reader reader =
            new BufferedReader(
                new java.io.InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()), 1 << 16);
        return new RecordReader(format, null, new CsvRows(reader), columnTypes, tagsMember);
      }
      return new RecordReader(format, Json.MAPPER.createParser(in), null, columnTypes, tagsMember);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** The next record, or null after the last. */
  public ObjectNode next() throws IOException {
    return format == OutputFormat.CSV ? nextRow() : nextObject();
  }

  private ObjectNode nextObject() throws IOException {
    if (!started && format == OutputFormat.JSON) {
      started = true;
      if (json.nextToken() != JsonToken.START_ARRAY) {
        throw new IOException("the JSON file is not an array of records");
      }
    }
    JsonToken token = json.nextToken();
    if (token == null || (format == OutputFormat.JSON && token == JsonToken.END_ARRAY)) {
      return null;
    }
    if (token != JsonToken.START_OBJECT) {
      throw new IOException("a record is not a JSON object (" + token + ")");
    }
    return Json.MAPPER.readTree(json);
  }

  private ObjectNode nextRow() throws IOException {
    List<String> cells = csv.next();
    if (cells == null) {
      return null;
    }
    if (cells.size() != header.size()) {
      throw new IOException(
          "a CSV row has " + cells.size() + " cells under a header of " + header.size());
    }
    ObjectNode record = NODES.objectNode();
    for (int i = 0; i < cells.size(); i++) {
      String column = header.get(i);
      String cell = cells.get(i);
      if (cell.isEmpty() || column.startsWith(CsvColumns.TAG_PREFIX)) {
        // a Tag:KEY column repeats a value the Tags column holds
        continue;
      }
      if (column.equals(CsvColumns.TAGS_COLUMN)) {
        record.set(tagsMember, tagList(cell));
        continue;
      }
      put(record, column.split("\\."), 0, value(columnTypes.getOrDefault(column, ""), cell));
    }
    return record;
  }

  private static void put(ObjectNode node, String[] path, int at, JsonNode value) {
    if (at == path.length - 1) {
      node.set(path[at], value);
      return;
    }
    JsonNode child = node.get(path[at]);
    ObjectNode object = child instanceof ObjectNode o ? o : node.putObject(path[at]);
    put(object, path, at + 1, value);
  }

  private static JsonNode value(String type, String cell) throws IOException {
    try {
      return switch (type) {
        case "integer" -> integer(new java.math.BigInteger(cell));
        case "number" -> NODES.numberNode(Double.parseDouble(cell));
        case "boolean" -> {
          if (!cell.equals("true") && !cell.equals("false")) {
            throw new IOException("'" + cell + "' is not true or false");
          }
          yield NODES.booleanNode(cell.equals("true"));
        }
        case "array", "object" -> Json.MAPPER.readTree(cell);
        default -> NODES.textNode(cell);
      };
    } catch (NumberFormatException e) {
      throw new IOException("'" + cell + "' is not a number", e);
    }
  }

  /** The smallest number node that holds {@code value}, as a JSON parser would make it. */
  private static JsonNode integer(java.math.BigInteger value) {
    if (value.bitLength() < 32) {
      return NODES.numberNode(value.intValue());
    }
    return value.bitLength() < 64 ? NODES.numberNode(value.longValue()) : NODES.numberNode(value);
  }

  /** The {@code Tags} cell, a JSON object of keys and values, as the Key/Value list. */
  private static ArrayNode tagList(String cell) throws IOException {
    JsonNode tags = Json.MAPPER.readTree(cell);
    if (!tags.isObject()) {
      throw new IOException("a Tags cell is not a JSON object");
    }
    ArrayNode list = NODES.arrayNode();
    for (Map.Entry<String, JsonNode> tag : tags.properties()) {
      list.addObject().put("Key", tag.getKey()).put("Value", tag.getValue().asText());
    }
    return list;
  }

  @Override
  public void close() throws IOException {
    if (json != null) {
      json.close();
    }
    if (csv != null) {
      csv.close();
    }
  }

  /** RFC 4180 rows: quoted cells may hold commas, doubled quotes and line breaks. */
  private static final class CsvRows implements AutoCloseable {
    private final Reader in;
    private boolean first = true;

    CsvRows(Reader in) {
      this.in = in;
    }

    /** The cells of the next row, or null at the end. */
    List<String> next() throws IOException {
      int c = in.read();
      if (first) {
        first = false;
        if (c == '\uFEFF') {
          c = in.read();
        }
      }
      if (c < 0) {
        return null;
      }
      List<String> cells = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      boolean wasQuoted = false;
      while (true) {
        if (c < 0) {
          if (quoted) {
            throw new IOException("a quoted CSV cell is not closed");
          }
          cells.add(cell.toString());
          return cells;
        }
        if (quoted) {
          if (c == '"') {
            int next = in.read();
            if (next == '"') {
              cell.append('"');
            } else {
              quoted = false;
              c = next;
              continue;
            }
          } else {
            cell.append((char) c);
          }
        } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
        } else if (c == ',') {
          cells.add(cell.toString());
          cell.setLength(0);
          wasQuoted = false;
        } else if (c == '\r' || c == '\n') {
          if (c == '\r') {
            in.mark(1);
            if (in.read() != '\n') {
              in.reset();
            }
          }
          cells.add(cell.toString());
          return cells;
        } else {
          cell.append((char) c);
        }
        c = in.read();
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
