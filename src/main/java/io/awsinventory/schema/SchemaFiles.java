package io.awsinventory.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.Status;
import io.awsinventory.Version;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.collect.ResourceTypes;
import io.awsinventory.output.Coverage;
import io.awsinventory.output.Json;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.output.RunSummary;
import io.awsinventory.output.SpillWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The schemas that ship with the tool, one per output file ({@code ec2_instances.schema.json}, …)
 * and one for {@code run_summary.json}. Their ids carry the tool's major version: a schema changes
 * incompatibly only with it.
 */
public final class SchemaFiles {
  public static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
  public static final String SUFFIX = ".schema.json";

  /** {@code run_summary}: the summary's file name without its extension. */
  private static final String SUMMARY_STEM =
      RunSummary.FILE_NAME.substring(0, RunSummary.FILE_NAME.lastIndexOf('.'));

  /** Where the summary schema lists the resource names. */
  private static final com.fasterxml.jackson.core.JsonPointer RESOURCE_PROPERTY =
      com.fasterxml.jackson.core.JsonPointer.compile("/$defs/resource");

  private SchemaFiles() {}

  /** {@code ec2_instances.schema.json}, {@code run_summary.schema.json}. */
  public static String fileName(String stem) {
    return stem + SUFFIX;
  }

  /** The reading pattern that sees one run's set, added to every file's description. */
  static final String ATOMIC_READING =
      " To read one run's set, resolve the output folder's .aws-inventory-data link once"
          + " ('aws-inventory current DIR' prints the folder it names) and read every file inside"
          + " that folder; files opened one by one by their plain names may come from two runs.";

  /** {@code schema}'s description with {@link #ATOMIC_READING} after it. */
  static void readingPattern(ObjectNode schema) {
    schema.put("description", schema.path("description").asText("") + ATOMIC_READING);
  }

  static ObjectNode header(String stem, String title) {
    ObjectNode schema = Json.MAPPER.createObjectNode();
    schema.put("$schema", DIALECT);
    schema.put("$id", id(stem));
    schema.put("title", title);
    return schema;
  }

  private static String id(String stem) {
    return "urn:aws-inventory:schema:v" + majorVersion() + ":" + stem;
  }

  static String majorVersion() {
    String version = Version.tool();
    int dot = version.indexOf('.');
    return dot > 0 ? version.substring(0, dot) : version;
  }

  public static ObjectNode forResource(ResourceType type, OutputFormat format) {
    ObjectNode schema = RecordSchemas.of(type, format);
    readingPattern(schema);
    return schema;
  }

  /** The schema of the coverage file in {@code format}. */
  public static ObjectNode forCoverage(OutputFormat format) {
    ObjectNode schema = header(Coverage.STEM, Coverage.fileName(format));
    ArrayNode key = schema.putArray(RecordSchemas.PRIMARY_KEY);
    Coverage.KEY.forEach(key::add);
    boolean csv = format == OutputFormat.CSV;
    ObjectNode row = Json.MAPPER.createObjectNode().put("type", "object");
    ObjectNode properties = row.putObject("properties");
    column(properties, SpillWriter.ACCOUNT_ID, "string", csv, "The 12-digit account.");
    column(
        properties,
        SpillWriter.ACCOUNT_NAME,
        "string",
        csv,
        "The account's name in the organization, when the run listed it.");
    column(
        properties,
        SpillWriter.REGION,
        "string",
        csv,
        "The region; * for every region of an account that could not be reached and had no"
            + " records to carry.");
    column(properties, Coverage.RESOURCE, "string", csv, "The resource type, as in --resources.");
    ObjectNode status =
        column(
            properties,
            Coverage.STATUS,
            "string",
            csv,
            "ok: read now, its rows in the data file are this run's. denied, failed: not read;"
                + " its rows, if any, are carried from the previous set with Stale = true."
                + " not-enabled: a region the account has not enabled. not-found: an account the"
                + " organization does not list. skipped: not to be read (a suspended account).");
    ArrayNode statuses = status.putArray("enum");
    for (Status value : Status.values()) {
      statuses.add(value.label());
    }
    column(properties, Coverage.RECORDS, "integer", csv, "Records read now.");
    column(
        properties,
        Coverage.CARRIED_RECORDS,
        "integer",
        csv,
        "Records carried from the previous set, marked Stale.");
    column(
        properties,
        Coverage.LAST_OK_AT,
        "string",
        csv,
        "When a run last read this account, region and resource whole, ISO-8601 UTC; empty if"
            + " no run of this folder has.");
    column(properties, Coverage.ERROR, "string", csv, "Why it was not read; empty when ok.");
    ArrayNode required = row.putArray("required");
    for (String column : Coverage.COLUMNS) {
      boolean optional =
          !csv
              && (column.equals(SpillWriter.ACCOUNT_NAME)
                  || column.equals(Coverage.LAST_OK_AT)
                  || column.equals(Coverage.ERROR));
      if (!optional) {
        required.add(column);
      }
    }
    row.put("additionalProperties", false);
    String what =
        "One row per account x region x resource the run planned, ordered by account, region and"
            + " resource: the importer's join partner. For the keys of ok rows the data files hold"
            + " what was read now; for the others, keep what you had (carried rows are in the data"
            + " files with Stale = true).";
    switch (format) {
      case JSON -> {
        schema.put("description", "A JSON array of coverage rows. " + what);
        schema.put("type", "array");
        schema.set("items", row);
      }
      case JSONL -> {
        schema.put("description", "One line of the JSON Lines file: one coverage row. " + what);
        schema.setAll(row);
      }
      case CSV -> {
        schema.put(
            "description",
            "One row of the CSV file as an object keyed by the header row; every cell is text. "
                + what);
        schema.setAll(row);
      }
      default -> throw new IllegalArgumentException("no schema for " + format);
    }
    readingPattern(schema);
    return schema;
  }

  private static ObjectNode column(
      ObjectNode properties, String name, String type, boolean csv, String description) {
    ObjectNode column =
        properties
            .putObject(name)
            .put("type", csv ? "string" : type)
            .put("description", description);
    if (type.equals("integer") && !csv) {
      column.put("minimum", 0);
    }
    return column;
  }

  public static ObjectNode forSummary() {
    String stem = RunSummary.FILE_NAME.substring(0, RunSummary.FILE_NAME.indexOf('.'));
    try (InputStream in = SchemaFiles.class.getResourceAsStream("/schemas/" + fileName(stem))) {
      if (in == null) {
        throw new IllegalStateException("the summary schema is missing from the jar");
      }
      ObjectNode schema = header(SUMMARY_STEM, RunSummary.FILE_NAME);
      schema.setAll((ObjectNode) Json.MAPPER.readTree(in));
      // the resource names come from the registry, so a new type needs no edit here
      ArrayNode names = Json.MAPPER.createArrayNode();
      ResourceTypes.names().forEach(names::add);
      ObjectNode resource = (ObjectNode) schema.at(RESOURCE_PROPERTY);
      resource.removeAll();
      resource.set("enum", names);
      readingPattern(schema);
      return schema;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the schema of every resource file for {@code format}, then the summary's, into {@code
   * dir}; each file goes to a temporary name first and is renamed into place. Returns the names.
   */
  public static List<String> writeAll(Path dir, OutputFormat format) throws IOException {
    Files.createDirectories(dir);
    List<String> names = new ArrayList<>();
    for (ResourceType type : ResourceTypes.all()) {
      String name = fileName(type.fileStem());
      write(dir.resolve(name), forResource(type, format));
      names.add(name);
    }
    String coverage = fileName(Coverage.STEM);
    write(dir.resolve(coverage), forCoverage(format));
    names.add(coverage);
    String summary = fileName(SUMMARY_STEM);
    write(dir.resolve(summary), forSummary());
    names.add(summary);
    return names;
  }

  private static void write(Path file, ObjectNode schema) throws IOException {
    Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
    Files.writeString(
        temp,
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n",
        StandardCharsets.UTF_8);
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
