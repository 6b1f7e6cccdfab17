package io.awsinventory.collect;

import io.awsinventory.ResourceType;
import java.util.List;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One resource type: the API calls that list it and the columns it has in CSV.
 *
 * <p>A collector reads every page of its API and hands each record to the sink as the page arrives.
 * It never builds clients, reads options, knows its account or region, or catches exceptions: the
 * fan-out layer owns clients, context, retries and errors. A failure part-way through keeps the
 * records already handed over.
 */
public interface ResourceCollector {
  /** The CSV column of every resource type that holds its tags. */
  String TAGS_COLUMN = "Tags";

  ResourceType type();

  /** The member that identifies a record; records are sorted by it within a target. */
  String idMember();

  /** The member that holds the record's tags as a list of Key/Value objects. */
  default String tagsMember() {
    return "Tags";
  }

  /**
   * The CSV columns after the context columns, as dotted member paths. A path that reaches an
   * object or a list is written as compact JSON; the tags member is written as one JSON object.
   */
  List<String> columns();

  /**
   * An empty object of the API model class each record is made from; the record schema is read off
   * its SDK field list.
   */
  SdkPojo model();

  /** Members the collector adds to each record beyond the model's own, all strings. */
  default List<String> addedMembers() {
    return List.of();
  }

  void collect(TargetApis apis, RecordSink sink);

  /**
   * Makes the cheapest call that proves the resource can be collected (one small page), for {@code
   * check}. Throws what the API throws.
   */
  void probe(TargetApis apis);
}
