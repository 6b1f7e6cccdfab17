package io.awsinventory.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams one target's records of one resource type to a spill file as they arrive, each preceded
 * by the context fields. A line is {@code sortKey TAB json}; {@link SpillSorter} orders the file
 * once the target ends.
 */
public final class SpillWriter implements AutoCloseable {
  public static final String ACCOUNT_ID = "AccountId";
  public static final String ACCOUNT_NAME = "AccountName";
  public static final String REGION = "Region";
  public static final String COLLECTED_AT = "CollectedAt";

  /** Between the values of a key: it sorts before every character a value keeps. */
  private static final char KEY_SEPARATOR = '\u001f';

  private final Path file;
  private final BufferedWriter out;
  private final String accountId;
  private final String accountName;
  private final String region;
  private final List<String> sortMembers;
  private final Clock clock;
  private final long holdChars;
  private List<String> held = new ArrayList<>();
  private long heldChars;
  private boolean sorted;
  private long records;

  public SpillWriter(
      Path file,
      String accountId,
      String accountName,
      String region,
      List<String> sortMembers,
      Clock clock,
      long holdChars)
      throws IOException {
    this.holdChars = holdChars;
    this.file = file;
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    this.accountId = accountId;
    this.accountName = accountName;
    this.region = region;
    this.sortMembers = List.copyOf(sortMembers);
    this.clock = clock;
  }

  /** Writes one record with its context fields. */
  public void accept(ObjectNode record) {
    ObjectNode line = Json.MAPPER.createObjectNode();
    line.put(ACCOUNT_ID, accountId);
    if (accountName != null) {
      line.put(ACCOUNT_NAME, accountName);
    }
    line.put(REGION, region);
    line.put(COLLECTED_AT, clock.instant().truncatedTo(ChronoUnit.MILLIS).toString());
    line.setAll(record);
    try {
      StringBuilder text = new StringBuilder(256);
      appendKey(text, record);
      text.append('\t').append(Json.MAPPER.writeValueAsString(line));
      if (held != null) {
        hold(text.toString());
      } else {
        out.append(text).append('\n');
      }
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("record could not be serialized", e);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file, e);
    }
    records++;
  }

  /**
   * The values of the sort members, apart by a character that sorts before any text, so ("a", "b")
   * comes before ("a b", "a").
   */
  private void appendKey(StringBuilder text, ObjectNode record) {
    for (int i = 0; i < sortMembers.size(); i++) {
      if (i > 0) {
        text.append(KEY_SEPARATOR);
      }
      JsonNode value = record.get(sortMembers.get(i));
      text.append(sortKey(value == null || value.isNull() ? "" : value.asText()));
    }
  }

  /**
   * Keeps the lines of a small target in memory, so they are sorted once as they are written; the
   * lines of a target larger than {@code holdChars} go to the file as they come, for the sorter.
   */
  private void hold(String line) throws IOException {
    held.add(line);
    heldChars += line.length();
    if (heldChars > holdChars) {
      for (String kept : held) {
        writeLine(kept);
      }
      held = null;
    }
  }

  private void writeLine(String line) throws IOException {
    out.write(line);
    out.write('\n');
  }

  /** Whether the file was written in order, with nothing left for the sorter to do. */
  public boolean sorted() {
    return sorted;
  }

  /** Keys never hold the tab or newline that frame a spill line. */
  static String sortKey(String id) {
    return id.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ').replace(KEY_SEPARATOR, ' ');
  }

  public long records() {
    return records;
  }

  @Override
  public void close() throws IOException {
    if (held != null) {
      held.sort(SpillSorter.ORDER);
      for (String line : held) {
        writeLine(line);
      }
      held = null;
      sorted = true;
    }
    out.close();
  }
}
