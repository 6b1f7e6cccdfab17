package io.awsinventory.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.fanout.Outcome;
import io.awsinventory.output.Duplicates;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.output.PreviousSet;
import io.awsinventory.output.RecordReader;
import io.awsinventory.output.RunSummary;
import io.awsinventory.output.Spill;
import io.awsinventory.output.SpillSorter;
import io.awsinventory.output.SpillWriter;
import io.awsinventory.output.Workspace;
import io.awsinventory.schema.CsvRowSchemas;
import io.awsinventory.transport.ErrorClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries forward: for each account x region x resource that could not be read now (denied or
 * failed), the records the previous set holds for exactly that target are written again, marked
 * {@code Stale = true} with the {@code LastSeenAt} of the run that last read them, so a file never
 * looks as if the resources a failure hid were gone. An account that failed before its regions were
 * known carries every region the previous set holds for it. Records last seen more than the window
 * ago are dropped and counted.
 *
 * <p>The previous file of a type is streamed once, record by record, whatever its format; each
 * carried target's records go through a {@link SpillWriter} of their own, which sorts them into key
 * order with the records the target did read before it failed (a read record wins over a carried
 * one of the same key). Where the previous file cannot be read back correctly nothing of that type
 * is carried, and the summary says why.
 */
final class CarryForward {
  /**
   * One region's records of a target that was not read: those read before it failed, and carried.
   */
  record Carried(String region, Spill spill, long fresh, long carried) {
    /** Records of a key the previous file held twice, left out. */
    long duplicates() {
      return spill == null ? 0 : spill.duplicates();
    }
  }

  /** What carrying came to for one type. */
  record TypeResult(long carried, long expired, String notCarried) {}

  private final Workspace workspace;
  private final SpillSorter sorter;
  private final Clock clock;
  private final Instant cutoff;
  private final Map<Outcome, List<Carried>> carried = new IdentityHashMap<>();
  private final Map<ResourceType, TypeResult> byType = new LinkedHashMap<>();

  CarryForward(Workspace workspace, SpillSorter sorter, Clock clock, Instant now, int days) {
    this.workspace = workspace;
    this.sorter = sorter;
    this.clock = clock;
    this.cutoff = now.minus(Duration.ofDays(days));
  }

  /** The regions of {@code outcome} and their records, once {@link #carry} has run. */
  List<Carried> of(Outcome outcome) {
    return carried.getOrDefault(outcome, List.of());
  }

  Map<ResourceType, TypeResult> byType() {
    return byType;
  }

  /** Carries, for every type of {@code sorted}'s rows, what the targets not read left behind. */
  void carry(PreviousSet previous, List<ResourceType> types, List<Outcome> sorted)
      throws IOException {
    for (ResourceType type : types) {
      Map<String, Outcome> notRead = new HashMap<>();
      for (Outcome o : sorted) {
        if (o.resource() == type && o.status().carries()) {
          notRead.put(key(o.target().account().id(), o.target().region()), o);
        }
      }
      if (notRead.isEmpty()) {
        continue;
      }
      var file = previous.file(type.fileStem());
      if (file.isEmpty()) {
        continue;
      }
      TypeCarry run = new TypeCarry(type, notRead);
      String why;
      try {
        why = refusal(previous, file.get());
        if (why == null) {
          run.read(file.get());
        }
      } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
        why = ErrorClassifier.oneLine(e.getMessage());
      } finally {
        run.abandonCurrent();
      }
      String fileName = file.get().path().getFileName().toString();
      if (why != null) {
        byType.put(
            type,
            new TypeResult(0, 0, "nothing was carried from the previous " + fileName + ": " + why));
        continue;
      }
      run.results.forEach((outcome, regions) -> carried.put(outcome, regions));
      byType.put(type, new TypeResult(run.carriedRecords, run.expired, null));
    }
  }

  /** Why a file cannot be read back as it was written, or null when it can. */
  private static String refusal(PreviousSet previous, PreviousSet.SetFile file) throws IOException {
    if (file.format() == OutputFormat.CSV && previous.formulasEscaped()) {
      return "its cells were written with --csv-escape-formulas, so a value cannot be told from an"
          + " escaped one";
    }
    return null;
  }

  private static String key(String accountId, String region) {
    return accountId + "\t" + region;
  }

  /** The carrying of one type: the stream of its previous file, target by target. */
  private final class TypeCarry {
    private final ResourceType type;
    private final Map<String, Outcome> notRead;
    private final Map<Outcome, List<Carried>> results = new HashMap<>();
    private final Set<String> done = new HashSet<>();
    private String current;
    private SpillWriter writer;
    private long carriedRecords;
    private long expired;

    TypeCarry(ResourceType type, Map<String, Outcome> notRead) {
      this.type = type;
      this.notRead = notRead;
    }

    void read(PreviousSet.SetFile file) throws IOException {
      try (RecordReader records =
          RecordReader.open(
              file.path(),
              file.format(),
              CsvRowSchemas.columnTypes(type),
              type.layout().tagsMember())) {
        for (ObjectNode record = records.next(); record != null; record = records.next()) {
          take(record);
        }
      }
      finishCurrent();
    }

    private void take(ObjectNode record) throws IOException {
      String accountId = record.path(SpillWriter.ACCOUNT_ID).asText("");
      String region = record.path(SpillWriter.REGION).asText("");
      if (accountId.isEmpty() || region.isEmpty()) {
        throw new IOException("a record has no AccountId or Region");
      }
      Outcome outcome = outcomeOf(accountId, region);
      String target = key(accountId, region);
      if (!target.equals(current)) {
        finishCurrent();
      }
      if (outcome == null) {
        return;
      }
      if (!target.equals(current)) {
        if (!done.add(target)) {
          throw new IOException(
              "its records of account " + accountId + " in " + region + " are not together");
        }
        current = target;
        writer = writerFor(outcome, accountId, region);
      }
      JsonNode lastSeen = record.get(SpillWriter.LAST_SEEN_AT);
      if (lastSeen == null) {
        lastSeen = record.get(SpillWriter.COLLECTED_AT);
      }
      Instant seen;
      try {
        seen = Instant.parse(lastSeen == null ? "" : lastSeen.asText());
      } catch (DateTimeParseException e) {
        throw new IOException(
            "a record of account " + accountId + " in " + region + " has no LastSeenAt time");
      }
      if (seen.isBefore(cutoff)) {
        expired++;
        return;
      }
      record.put(SpillWriter.STALE, true);
      writer.accept(record);
    }

    /**
     * The row of the target the record belongs to, if it was not read: its own, or its account's.
     */
    private Outcome outcomeOf(String accountId, String region) {
      Outcome exact = notRead.get(key(accountId, region));
      return exact != null ? exact : notRead.get(key(accountId, RunSummary.ALL_REGIONS));
    }

    private SpillWriter writerFor(Outcome outcome, String accountId, String region) {
      return new SpillWriter(
          workspace,
          "carried-" + type.fileStem() + "-" + accountId + "-" + region,
          accountId,
          outcome.target().account().name(),
          region,
          type.keyMembers(),
          clock,
          sorter,
          new Duplicates(type.newestMember()));
    }

    /** Closes the writer of a target the stream did not finish (the file could not be read). */
    void abandonCurrent() throws IOException {
      if (writer != null) {
        writer.close();
        writer = null;
        current = null;
      }
    }

    /** Adds the records the target read before it failed, and sorts the target's records. */
    private void finishCurrent() throws IOException {
      if (writer == null) {
        return;
      }
      String[] parts = current.split("\t", 2);
      Outcome outcome = outcomeOf(parts[0], parts[1]);
      long fresh = 0;
      if (outcome.spill() != null && outcome.target().region().equals(parts[1])) {
        fresh = readInto(outcome.spill(), writer);
      }
      writer.close();
      Spill spill = writer.spill();
      long kept = spill == null ? 0 : spill.records();
      carriedRecords += kept - fresh;
      results
          .computeIfAbsent(outcome, o -> new ArrayList<>())
          .add(new Carried(parts[1], spill, fresh, kept - fresh));
      writer = null;
      current = null;
    }
  }

  /** Hands the records of {@code spill} to {@code writer}; returns how many. */
  private static long readInto(Spill spill, SpillWriter writer) throws IOException {
    spill.forEachRecord(writer::accept);
    return spill.records();
  }
}
