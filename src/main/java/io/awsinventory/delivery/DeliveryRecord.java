package io.awsinventory.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.Secrets;
import io.awsinventory.output.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@value #FILE_NAME}, beside the set's data link in the output folder (it outlives the one-set
 * cleanup): the set it is about and each file's upload, so {@code aws-inventory deliver DIR} knows
 * what is left. Written whole to a temporary name and renamed; every secret masked.
 */
final class DeliveryRecord {
  static final String FILE_NAME = "delivery.json";

  private DeliveryRecord() {}

  /** One file's upload as recorded: {@code result} is ok, failed or refused. */
  public record Upload(
      String file,
      String task,
      String mode,
      long bytes,
      long rows,
      int status,
      int attempts,
      String at,
      String result,
      String message) {
    boolean ok() {
      return "ok".equals(result);
    }
  }

  /** The uploads the folder's record says were made of {@code setName}, by file. */
  static Map<String, Upload> read(Path outputDir, String setName) throws IOException {
    Path file = outputDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    JsonNode record = Json.MAPPER.readTree(file.toFile());
    String recorded = record.path("set").asText("");
    if (!recorded.equals(setName)) {
      throw new DeliveryException(
          FILE_NAME
              + " records the set "
              + recorded
              + ", which is no longer the current one ("
              + setName
              + "); a later run replaced it and delivers its own");
    }
    Map<String, Upload> done = new HashMap<>();
    for (JsonNode u : record.path("uploads")) {
      done.put(
          u.path("file").asText(),
          new Upload(
              u.path("file").asText(),
              u.path("task").asText(),
              u.path("mode").asText(),
              u.path("bytes").asLong(),
              u.path("rows").asLong(),
              u.path("status").asInt(),
              u.path("attempts").asInt(),
              u.path("at").asText(),
              u.path("result").asText(),
              u.path("message").isMissingNode() ? null : u.path("message").asText()));
    }
    return done;
  }

  static void write(
      Path outputDir,
      String setName,
      JsonNode summary,
      DataHubSettings settings,
      List<Upload> uploads)
      throws IOException {
    ObjectNode root = Json.MAPPER.createObjectNode();
    root.put("set", setName);
    root.put("runId", summary.path("runId").asText());
    root.put("setStartedAt", summary.path("startedAt").asText());
    root.put("url", settings.url().toString());
    root.put("mode", settings.mode());
    ArrayNode list = root.putArray("uploads");
    for (Upload u : uploads) {
      ObjectNode row =
          list.addObject()
              .put("file", u.file())
              .put("task", u.task())
              .put("mode", u.mode())
              .put("bytes", u.bytes())
              .put("rows", u.rows())
              .put("status", u.status())
              .put("attempts", u.attempts())
              .put("at", u.at())
              .put("result", u.result());
      if (u.message() != null) {
        row.put("message", u.message());
      }
    }
    Path temp = outputDir.resolve("." + FILE_NAME + ".tmp");
    Files.writeString(
        temp,
        Secrets.redact(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root)),
        StandardCharsets.UTF_8);
    Files.move(
        temp,
        outputDir.resolve(FILE_NAME),
        StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }
}
