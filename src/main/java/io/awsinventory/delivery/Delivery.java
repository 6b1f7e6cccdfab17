package io.awsinventory.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.Secrets;
import io.awsinventory.delivery.DeliveryRecord.Upload;
import io.awsinventory.output.Coverage;
import io.awsinventory.output.FolderLock;
import io.awsinventory.output.Json;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.output.RecordReader;
import io.awsinventory.output.RunSummary;
import io.awsinventory.output.Workspace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Uploads the current set of an output folder to the Data Hub, one file per container task, after
 * the set was committed and from the committed folder only, and records each upload in {@value
 * #FILE_NAME} beside the set's data link, where a later {@code aws-inventory deliver DIR} finds
 * what is left to upload.
 *
 * <p>{@code replace} empties the task's table: it is refused for a file of a resource type with a
 * target that was not read and whose rows were not carried (a first run, an expired window, a file
 * that could not be carried), since replacing would delete rows that were merely not looked at.
 */
public final class Delivery {
  public static final String FILE_NAME = DeliveryRecord.FILE_NAME;

  private final Path outputDir;
  private final DataHubSettings settings;
  private final DataHubClient client;
  private final PrintWriter err;
  private final Clock clock;

  public Delivery(Path outputDir, DataHubSettings settings, PrintWriter err, Clock clock) {
    this(outputDir, settings, err, clock, Duration.ofMillis(500));
  }

  Delivery(
      Path outputDir, DataHubSettings settings, PrintWriter err, Clock clock, Duration backOff) {
    this.outputDir = outputDir;
    this.settings = settings;
    this.client = new DataHubClient(settings.url(), backOff);
    this.err = err;
    this.clock = clock;
  }

  /**
   * Delivers the current set; with {@code retry}, only what the folder's {@value #FILE_NAME} does
   * not record as delivered to the same task in the same mode. Returns whether every file was.
   *
   * <p>Holds the folder's lock meanwhile, so no run commits a set under it.
   */
  public boolean deliver(boolean retry) throws IOException, InterruptedException {
    try (FolderLock lock = FolderLock.acquire(outputDir.resolve(Workspace.LOCK_FILE))) {
      return deliverLocked(retry);
    }
  }

  private boolean deliverLocked(boolean retry) throws IOException, InterruptedException {
    Path set = Workspace.currentSet(outputDir);
    Path summaryFile = set.resolve(RunSummary.FILE_NAME);
    if (!Files.isRegularFile(summaryFile)) {
      throw new DeliveryException(outputDir + " holds no set to deliver (no " + summaryFile + ")");
    }
    JsonNode summary = Json.MAPPER.readTree(summaryFile.toFile());
    String setName = Workspace.linkBased(outputDir) ? set.getFileName().toString() : "";
    OutputFormat format =
        OutputFormat.fromName(summary.path("options").path("format").asText(""))
            .orElseThrow(() -> new DeliveryException(summaryFile + " names no format"));
    if (format == OutputFormat.JSONL) {
      throw new DeliveryException(
          "the set is JSON Lines, which the Data Hub does not take (CSV, JSON or XLSX)");
    }
    Map<String, Upload> done = retry ? DeliveryRecord.read(outputDir, setName) : Map.of();
    Map<String, Long> rows = new HashMap<>();
    Map<String, String> resourceOf = new HashMap<>();
    for (JsonNode file : summary.path("files")) {
      rows.put(file.path("file").asText(), file.path("records").asLong());
      resourceOf.put(file.path("file").asText(), file.path("resource").asText());
    }
    String coverage = Coverage.fileName(format);
    rows.put(coverage, summary.path("coverage").path("rows").asLong());
    Map<String, String> notCarried = notCarried(set.resolve(coverage), format);
    List<Upload> uploads = new ArrayList<>();
    boolean allOk = true;
    for (Map.Entry<String, String> task : new TreeMap<>(settings.tasks()).entrySet()) {
      String name = task.getKey() + "." + format.extension();
      Upload earlier = done.get(name);
      if (earlier != null
          && earlier.ok()
          && earlier.task().equals(task.getValue())
          && earlier.mode().equals(settings.mode())) {
        uploads.add(earlier);
        continue;
      }
      Upload upload = upload(set.resolve(name), task.getValue(), rows, resourceOf, notCarried);
      uploads.add(upload);
      allOk &= upload.ok();
      say(upload);
    }
    DeliveryRecord.write(outputDir, setName, summary, settings, uploads);
    return allOk;
  }

  private Upload upload(
      Path file,
      String task,
      Map<String, Long> rows,
      Map<String, String> resourceOf,
      Map<String, String> notCarried)
      throws IOException, InterruptedException {
    String name = file.getFileName().toString();
    String at = clock.instant().toString();
    long count = rows.getOrDefault(name, 0L);
    if (!Files.isRegularFile(file)) {
      return new Upload(
          name, task, settings.mode(), 0, 0, 0, 0, at, "failed", "the set has no " + name);
    }
    long bytes = Files.size(file);
    String why = notCarried.get(resourceOf.get(name));
    if (DataHubSettings.REPLACE.equals(settings.mode()) && why != null) {
      return new Upload(
          name,
          task,
          settings.mode(),
          bytes,
          count,
          0,
          0,
          at,
          "refused",
          "replace would delete the rows of targets that were not read and not carried ("
              + why
              + "); deliver with --datahub-mode append, or once the run reads them");
    }
    DataHubClient.Answer answer =
        client.upload(task, settings.keyFor(stem(name)), settings.mode(), file);
    return new Upload(
        name,
        task,
        settings.mode(),
        bytes,
        count,
        answer.status(),
        answer.attempts(),
        at,
        answer.ok() ? "ok" : "failed",
        answer.error());
  }

  private static String stem(String fileName) {
    return fileName.substring(0, fileName.lastIndexOf('.'));
  }

  /**
   * The resource types with a target that was not read (denied, failed) and carried nothing, each
   * with the first such target: their files must not replace a table.
   */
  private static Map<String, String> notCarried(Path coverage, OutputFormat format)
      throws IOException {
    Map<String, String> refused = new HashMap<>();
    if (!Files.isRegularFile(coverage)) {
      return refused;
    }
    try (RecordReader rows =
        RecordReader.open(coverage, format, Map.of(Coverage.CARRIED_RECORDS, "integer"), "Tags")) {
      for (ObjectNode row = rows.next(); row != null; row = rows.next()) {
        String status = row.path(Coverage.STATUS).asText();
        if ((status.equals("denied") || status.equals("failed"))
            && row.path(Coverage.CARRIED_RECORDS).asLong(0) == 0) {
          refused.putIfAbsent(
              row.path(Coverage.RESOURCE).asText(),
              "account "
                  + row.path("AccountId").asText()
                  + ", "
                  + row.path("Region").asText()
                  + ": "
                  + status);
        }
      }
    }
    return refused;
  }

  private void say(Upload upload) {
    if (upload.ok()) {
      err.printf(
          "delivered: %s to task %s (%s, %d rows, %d bytes%s)%n",
          upload.file(),
          upload.task(),
          upload.mode(),
          upload.rows(),
          upload.bytes(),
          upload.attempts() > 1 ? ", " + upload.attempts() + " attempts" : "");
    } else {
      err.println(
          Secrets.redact(
              "failed: delivery of "
                  + upload.file()
                  + " to task "
                  + upload.task()
                  + ": "
                  + upload.message()
                  + (upload.attempts() > 1 ? " (" + upload.attempts() + " attempts)" : "")));
    }
    err.flush();
  }

  /** Checks each task for {@code check}: reachable, key accepted. Returns one line per task. */
  public List<String> probe() throws InterruptedException {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<String, String> task : new TreeMap<>(settings.tasks()).entrySet()) {
      DataHubClient.Answer answer = client.probe(task.getValue(), settings.keyFor(task.getKey()));
      lines.add(
          Secrets.redact(
              (answer.ok() ? "datahub ok: " : "datahub failed: ")
                  + task.getKey()
                  + " -> task "
                  + task.getValue()
                  + (answer.ok()
                      ? " (reachable, key accepted; whether it is a container task shows at the"
                          + " first upload: no test upload is made, it would empty the table)"
                      : ": " + answer.error())));
    }
    return lines;
  }

  /** Whether {@link #probe}'s lines are all ok. */
  public static boolean allOk(List<String> probeLines) {
    return probeLines.stream().allMatch(l -> l.startsWith("datahub ok: "));
  }
}
