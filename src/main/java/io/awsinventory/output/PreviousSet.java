package io.awsinventory.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The set an output folder holds when a run starts: the files the run carries records from for the
 * targets it cannot read, and the coverage rows that say when each target was last read whole. It
 * is read under the run's lock, before the new set replaces it.
 */
public final class PreviousSet {
  private final Path folder;

  private PreviousSet(Path folder) {
    this.folder = folder;
  }

  /** The set in {@code outputDir}, if a run has committed one there. */
  public static Optional<PreviousSet> in(Path outputDir) throws IOException {
    Path folder = Workspace.currentSet(outputDir);
    return Files.isRegularFile(folder.resolve(RunSummary.FILE_NAME), LinkOption.NOFOLLOW_LINKS)
        ? Optional.of(new PreviousSet(folder))
        : Optional.empty();
  }

  /**
   * The set whose files are in {@code folder} itself: a run's staged files before they are
   * committed, or a copy of a set.
   *
   * @throws IOException when the folder holds no {@value RunSummary#FILE_NAME}
   */
  public static PreviousSet at(Path folder) throws IOException {
    if (!Files.isRegularFile(folder.resolve(RunSummary.FILE_NAME), LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(folder + " holds no " + RunSummary.FILE_NAME);
    }
    return new PreviousSet(folder);
  }

  /** The folder that holds the set's files. */
  public Path folder() {
    return folder;
  }

  /** The set's {@value RunSummary#FILE_NAME}: when and how it was collected. */
  public JsonNode summary() throws IOException {
    try {
      return Json.MAPPER.readTree(folder.resolve(RunSummary.FILE_NAME).toFile());
    } catch (IOException e) {
      throw new IOException("its " + RunSummary.FILE_NAME + " is unreadable: " + e.getMessage(), e);
    }
  }

  /** A file of the set and the format it is written in. */
  public record SetFile(Path path, OutputFormat format) {}

  /** The file of {@code stem} in whichever format the set has it. */
  public Optional<SetFile> file(String stem) {
    for (OutputFormat format : OutputFormat.values()) {
      Path path = folder.resolve(stem + "." + format.extension());
      if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.of(new SetFile(path, format));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the set's CSV cells were written with a leading apostrophe before formula characters:
   * such a cell cannot be told from a value that began with one, so it is not read back.
   */
  public boolean formulasEscaped() throws IOException {
    return summary().path("options").path("csv-escape-formulas").asBoolean(false);
  }

  /**
   * When each of {@code targets} (by {@link #targetKey}) was last read whole, as the {@code
   * LastOkAt} of the set's coverage rows; empty for a set without a coverage file.
   */
  public Map<String, String> lastOkAt(Set<String> targets) throws IOException {
    Map<String, String> lastOk = new HashMap<>();
    Optional<SetFile> coverage = file(Coverage.STEM);
    if (coverage.isEmpty()) {
      return lastOk;
    }
    try (RecordReader rows =
        RecordReader.open(coverage.get().path(), coverage.get().format(), Map.of(), "Tags")) {
      for (ObjectNode row = rows.next(); row != null; row = rows.next()) {
        String at = row.path(Coverage.LAST_OK_AT).asText("");
        String key =
            targetKey(
                row.path(SpillWriter.ACCOUNT_ID).asText(),
                row.path(SpillWriter.REGION).asText(),
                row.path(Coverage.RESOURCE).asText());
        if (!at.isEmpty() && targets.contains(key)) {
          lastOk.put(key, at);
        }
      }
    }
    return lastOk;
  }

  public static String targetKey(String accountId, String region, String resource) {
    return accountId + "/" + region + "/" + resource;
  }
}
