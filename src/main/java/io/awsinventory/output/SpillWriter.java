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
  private long records;

  public SpillWriter(
      Path file,
      String accountId,
      String accountName,
      String region,
      List<String> sortMembers,
      Clock clock)
      throws IOException {
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
      writeKey(record);
      out.write('\t');
      out.write(Json.MAPPER.writeValueAsString(line));
      out.write('\n');
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
  private void writeKey(ObjectNode record) throws IOException {
    for (int i = 0; i < sortMembers.size(); i++) {
      if (i > 0) {
        out.write(KEY_SEPARATOR);
      }
      JsonNode value = record.get(sortMembers.get(i));
      out.write(sortKey(value == null || value.isNull() ? "" : value.asText()));
    }
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
    out.close();
  }
}
