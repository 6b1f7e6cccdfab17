package io.awsinventory.collect;

import io.awsinventory.output.CsvColumns;
import io.awsinventory.output.FileLayout;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One resource type, declared in one place: how it is named on the command line and on disk, the
 * IAM actions it calls, the SDK model its records are made from, its CSV columns, what it needs
 * from other types of the same target, and the calls that list it. Everything else — the step order
 * of a target, {@code --resources} help and completion, the policy, the schemas — is derived from
 * the definitions in {@link ResourceTypes}.
 *
 * <p>A collector reads every page of its API and hands each record to the sink as the page arrives.
 * It never builds clients, reads options, knows its account or region, or catches exceptions: the
 * fan-out layer owns clients, context, retries and errors. A failure part-way through keeps the
 * records already handed over.
 */
public interface ResourceType extends Comparable<ResourceType> {
  /** The CSV column of every resource type that holds its tags. */
  String TAGS_COLUMN = CsvColumns.TAGS_COLUMN;

  /** The name on the command line ({@code --resources}) and in the run summary. */
  String name();

  /** The output file name without its extension. */
  String fileStem();

  /**
   * The IAM actions this type's own calls need, the one its probe makes first. Actions of the types
   * it depends on are added by {@link ResourceTypes#iamActions}.
   */
  List<String> iamActions();

  /** Whether a run without {@code --resources} collects this type. */
  default boolean collectedByDefault() {
    return true;
  }

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
   * CSV columns added after the file's first release, written after {@code Stale} and {@code
   * LastSeenAt} so that no column ever moves.
   */
  default List<String> laterColumns() {
    return List.of();
  }

  /**
   * The members that, after AccountId and Region, identify a record: the file's primary key.
   * Records are sorted by them within a target, and two records of one key are written as one.
   */
  default List<String> keyMembers() {
    return List.of(idMember());
  }

  /**
   * Where two records share a key, the one whose member of this name is the greatest is kept
   * (applications: the newest {@code CaptureTime}); null keeps the first in key order.
   */
  default String newestMember() {
    return null;
  }

  /**
   * An empty object of the API model class each record is made from; the record schema is read off
   * its SDK field list. Empty for records the API answers as plain maps, whose members are all
   * {@link #addedMembers()}.
   */
  Optional<SdkPojo> model();

  /** How the records are laid out in the output file. */
  default FileLayout layout() {
    return new FileLayout(fileStem(), columns(), tagsMember(), laterColumns());
  }

  /**
   * The facts the history database keeps in typed columns of this type's table, after the key
   * members: its licence facts and state. A column added here later is added to existing databases.
   */
  default List<FactColumn> factColumns() {
    return List.of();
  }

  /** Members the collector adds to each record beyond the model's own. */
  default List<Member> addedMembers() {
    return List.of();
  }

  /**
   * AWS error codes that mean the service is not set up in the account x region (never subscribed,
   * not onboarded): the step ends with no records and status ok, not as a failure.
   */
  default Set<String> notSetUpCodes() {
    return Set.of();
  }

  /** What a service answers in an account never subscribed to it. */
  Set<String> NOT_SUBSCRIBED = Set.of("SubscriptionRequiredException", "OptInRequired");

  /** What this type must know about its target before it can collect; read through the apis. */
  default Set<TargetFact> needs() {
    return Set.of();
  }

  /**
   * The types whose records this type's records draw on when the run collects them too (instances:
   * the hosts, managed nodes and installed applications of {@link LicenceFacts}): they run first,
   * in the same chain. Unlike {@link #needs()}, nothing runs for them when they are not collected.
   */
  default Set<String> after() {
    return Set.of();
  }

  /** What this type's records tell about the target: each fact, and the member it is read from. */
  default Map<TargetFact, String> provides() {
    return Map.of();
  }

  void collect(TargetApis apis, RecordSink sink);

  /**
   * Makes the cheapest call that proves the resource can be collected (one small page), for {@code
   * check}. Throws what the API throws.
   */
  void probe(TargetApis apis);

  /** Types are ordered as the registry lists them: the order of files, summary rows and columns. */
  @Override
  default int compareTo(ResourceType other) {
    return Integer.compare(ResourceTypes.rank(this), ResourceTypes.rank(other));
  }
}
