package io.awsinventory.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.Secrets;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes one target's records of one resource type as they arrive, each with the context fields
 * first, and its sort key. A small target's records are held, sorted once and appended to the run's
 * {@link SpillSegment} in one piece; a target that outgrows the hold goes to a file of its own as
 * {@code key TAB json} lines as its records come, which {@link SpillSorter} orders into records
 * once the target ends. Either way {@link #spill()} says where the sorted records lie.
 */
public final class SpillWriter implements AutoCloseable {
  public static final String ACCOUNT_ID = "AccountId";
  public static final String ACCOUNT_NAME = "AccountName";
  public static final String REGION = "Region";
  public static final String COLLECTED_AT = "CollectedAt";

  /** Whether the record was carried from the previous set because its target was not read now. */
  public static final String STALE = "Stale";

  /** When a run last read the record: its {@code CollectedAt}, kept as it is when carried. */
  public static final String LAST_SEEN_AT = "LastSeenAt";

  private static final Set<String> CONTEXT =
      Set.of(ACCOUNT_ID, ACCOUNT_NAME, REGION, COLLECTED_AT, STALE, LAST_SEEN_AT);

  /** Between the values of a key: it sorts before every character a value keeps. */
  private static final char KEY_SEPARATOR = '\u001f';

  private final Workspace workspace;
  private final String name;
  private final String accountId;
  private final String accountName;
  private final String region;
  private final List<String> keyMembers;
  private final Clock clock;
  private final SpillSorter sorter;
  private final Duplicates duplicates;

  /** A held record: its sort key and its JSON text. */
  private record Held(String key, String json) {}

  /** The order of {@link SpillSorter#ORDER}: by key, then by the record's text. */
  private static final Comparator<Held> HELD_ORDER =
      Comparator.comparing(Held::key).thenComparing(Held::json);

  private List<Held> held = new ArrayList<>();
  private long heldChars;
  private Path file;
  private BufferedWriter out;
  private Spill spill;
  private long records;
  private final StringWriter text = new StringWriter(1 << 12);
  private final JsonGenerator json;
  private long collectedAtMillis = Long.MIN_VALUE;
  private String collectedAt;

  /**
   * @param name the name of the target's own spill file, should it outgrow the hold
   * @param sorter the sorter of a large target's file, which also sets how much a small one holds
   * @param duplicates which record of a key is kept, and how many were not
   */
  public SpillWriter(
      Workspace workspace,
      String name,
      String accountId,
      String accountName,
      String region,
      List<String> keyMembers,
      Clock clock,
      SpillSorter sorter,
      Duplicates duplicates) {
    this.workspace = workspace;
    this.name = name;
    this.accountId = accountId;
    this.accountName = accountName;
    this.region = region;
    this.keyMembers = List.copyOf(keyMembers);
    this.clock = clock;
    this.sorter = sorter;
    this.duplicates = duplicates;
    try {
      this.json = Json.MAPPER.createGenerator(text).setRootValueSeparator(null);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write to memory", e);
    }
  }

  /** Takes one record with its context fields. */
  public void accept(ObjectNode record) {
    try {
      Held line = line(record);
      if (held != null) {
        hold(line);
      } else {
        writeLine(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the records of " + name, e);
    }
    records++;
  }

  /**
   * The record's sort key, and its JSON with the context fields first, written straight from the
   * record's tree by the writer's one generator. A context field the record has itself keeps its
   * place and takes the record's value.
   */
  private Held line(ObjectNode record) throws IOException {
    text.getBuffer().setLength(0);
    json.writeStartObject();
    context(json, record, ACCOUNT_ID, accountId);
    if (accountName != null || record.has(ACCOUNT_NAME)) {
      context(json, record, ACCOUNT_NAME, accountName);
    }
    context(json, record, REGION, region);
    String readAt = collectedAt();
    JsonNode ownCollectedAt = record.get(COLLECTED_AT);
    context(json, record, COLLECTED_AT, readAt);
    JsonNode stale = record.get(STALE);
    json.writeBooleanField(STALE, stale != null && stale.asBoolean(false));
    // a record carried from a set that had no LastSeenAt was last seen when it was collected
    context(
        json,
        record,
        LAST_SEEN_AT,
        ownCollectedAt != null && ownCollectedAt.isTextual() ? ownCollectedAt.asText() : readAt);
    for (Map.Entry<String, JsonNode> member : record.properties()) {
      if (!CONTEXT.contains(member.getKey())) {
        json.writeFieldName(member.getKey());
        Json.writeTree(json, member.getValue());
      }
    }
    json.writeEndObject();
    json.flush();
    // a secret the answer echoed (a session token in a tag value) never reaches a file
    return new Held(key(record), Secrets.redactRecord(text.toString()));
  }

  private static void context(JsonGenerator json, ObjectNode record, String field, String value)
      throws IOException {
    JsonNode own = record.get(field);
    json.writeFieldName(field);
    if (own != null) {
      Json.writeTree(json, own);
    } else {
      json.writeString(value);
    }
  }

  /** The time to the millisecond, formatted once per millisecond. */
  private String collectedAt() {
    Instant now = clock.instant();
    long millis = now.toEpochMilli();
    if (millis != collectedAtMillis) {
      collectedAtMillis = millis;
      collectedAt = Instant.ofEpochMilli(millis).toString();
    }
    return collectedAt;
  }

  /**
   * The values of the sort members, apart by a character that sorts before any text, so ("a", "b")
   * comes before ("a b", "a").
   */
  private String key(ObjectNode record) {
    if (keyMembers.size() == 1) {
      return sortKey(text(record.get(keyMembers.get(0))));
    }
    StringBuilder key = new StringBuilder();
    for (int i = 0; i < keyMembers.size(); i++) {
      if (i > 0) {
        key.append(KEY_SEPARATOR);
      }
      key.append(sortKey(text(record.get(keyMembers.get(i)))));
    }
    return key.toString();
  }

  private static String text(JsonNode value) {
    return value == null || value.isNull() ? "" : value.asText();
  }

  /**
   * Keeps the lines of a small target in memory, so they are sorted once as they are stored; the
   * lines of a target larger than the sorter's in-memory size go to a file of the target's own as
   * they come, for the sorter.
   */
  private void hold(Held line) throws IOException {
    held.add(line);
    heldChars += line.key().length() + line.json().length();
    if (heldChars > sorter.inMemoryChars()) {
      file = workspace.spillFile(name);
      // a writer that replaces half a surrogate pair with '?', as the shared file's bytes do;
      // Files.newBufferedWriter would fail the target on it
      out =
          new BufferedWriter(
              new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16);
      for (Held kept : held) {
        writeLine(kept);
      }
      held = null;
    }
  }

  private void writeLine(Held line) throws IOException {
    out.write(line.key());
    out.write('\t');
    out.write(line.json());
    out.write('\n');
  }

  /** The records of sorted lines, one a key. */
  private List<String> oneByKey(List<Held> sorted) {
    List<String> records = new ArrayList<>(sorted.size());
    String lastKey = null;
    for (Held line : sorted) {
      if (line.key().equals(lastKey)) {
        records.set(
            records.size() - 1, duplicates.pick(records.get(records.size() - 1), line.json()));
      } else {
        records.add(line.json());
        lastKey = line.key();
      }
    }
    return records;
  }

  /** Keys never hold the tab or newline that frame a spill line. */
  static String sortKey(String id) {
    return id.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ').replace(KEY_SEPARATOR, ' ');
  }

  public long records() {
    return records;
  }

  /** Where the sorted lines lie once closed; null when there were none. */
  public Spill spill() {
    return spill;
  }

  /** Drops what was held and closes the target's own file, unsorted: the target failed. */
  public void abandon() {
    held = null;
    if (out != null) {
      try {
        out.close();
      } catch (IOException ignored) {
        // the run's private folder, and the file in it, go when the run ends
      }
      out = null;
    }
  }

  /** Stores the held lines in order, or sorts the target's own file. */
  @Override
  public void close() throws IOException {
    if (held != null) {
      if (!held.isEmpty()) {
        held.sort(HELD_ORDER);
        spill = workspace.spillSegment().append(oneByKey(held)).withDuplicates(duplicates.count());
      }
      held = null;
    } else if (out != null) {
      out.close();
      out = null;
      long kept = sorter.sort(file, duplicates);
      spill = new Spill(file, 0, Files.size(file), kept, duplicates.count());
    }
  }
}
