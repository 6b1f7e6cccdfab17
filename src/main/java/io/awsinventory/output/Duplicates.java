package io.awsinventory.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;

/**
 * Which record of one key a file keeps, so a key names one row in every format: a fresh record over
 * one carried from the previous set, then the one whose {@code newestMember} is the greatest
 * (applications: the newest {@code CaptureTime}), then the first in key order. Records of one key
 * are rare, so only they are read as JSON.
 */
public final class Duplicates {
  private final String newestMember;
  private long count;

  /**
   * @param newestMember the member whose greatest value wins, or null to keep the first
   */
  public Duplicates(String newestMember) {
    this.newestMember = newestMember;
  }

  /** The JSON text to keep of two with one key, {@code first} before {@code second} in order. */
  String pick(String first, String second) {
    JsonNode a = read(first);
    JsonNode b = read(second);
    boolean aStale = a.path(SpillWriter.STALE).asBoolean(false);
    boolean bStale = b.path(SpillWriter.STALE).asBoolean(false);
    if (aStale != bStale) {
      // the records read now stand for the key; the carried one is not a duplicate of them
      return aStale ? second : first;
    }
    count++;
    if (newestMember != null
        && b.path(newestMember).asText("").compareTo(a.path(newestMember).asText("")) > 0) {
      return second;
    }
    return first;
  }

  /** How many records were dropped as duplicates of another read in the same run. */
  public long count() {
    return count;
  }

  private static JsonNode read(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("a stored record is not JSON", e);
    }
  }
}
