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

  private final Path file;
  private final BufferedWriter out;
  private final String accountId;
  private final String accountName;
  private final String region;
  private final String idMember;
  private final Clock clock;
  private long records;

  public SpillWriter(
      Path file, String accountId, String accountName, String region, String idMember, Clock clock)
      throws IOException {
    this.file = file;
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    this.accountId = accountId;
    this.accountName = accountName;
    this.region = region;
    this.idMember = idMember;
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
    JsonNode id = record.get(idMember);
    try {
      out.write(sortKey(id == null ? "" : id.asText()));
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

  /** Keys never hold the tab or newline that frame a spill line. */
  static String sortKey(String id) {
    return id.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  public long records() {
    return records;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
