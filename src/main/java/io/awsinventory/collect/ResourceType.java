package io.awsinventory.collect;

import io.awsinventory.output.CsvColumns;
import io.awsinventory.output.FileLayout;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkPojo;

/**
 * One resource type, declared in one place as data: how it is named on the command line and on
 * disk, the IAM actions it calls, the SDK model its records are made from, its key, CSV columns and
 * history fact columns, what it needs from other types of the same target, and the calls that list
 * it. Everything else — the step order of a target, {@code --resources} help and completion, the
 * policy, the schemas, the history tables — is derived from the definitions in {@link
 * ResourceTypes}.
 *
 * <p>The parts: {@code iamActions} its own calls need, the one its probe makes first (those of the
 * types it needs facts from are added by {@link ResourceTypes#iamActions}); {@code keyMembers}, the
 * members that after AccountId and Region identify a record (the file's primary key, the id member
 * first; records are sorted by them within a target, and two of one key are written as one); {@code
 * columns}, the CSV columns after the context columns as dotted member paths (a path that reaches
 * an object or list is written as compact JSON, the tags member as one JSON object); {@code
 * laterColumns}, CSV columns added after the file's first release, written after {@code Stale} and
 * {@code LastSeenAt} so that no column moves; {@code newestMember}, where two records share a key,
 * the member whose greatest value is kept (null keeps the first); {@code model}, an empty object of
 * the API model class the records are made from (the schema is read off its SDK field list; empty
 * for records the API answers as plain maps, whose members are all {@code addedMembers}); {@code
 * factColumns}, the facts the history database keeps in typed columns after the key (a column added
 * later is added to existing databases); {@code notSetUpCodes}, AWS error codes that mean the
 * service is not set up in the account x region (the step ends with no records and status ok);
 * {@code needs}, what the type must know about its target before it can collect; {@code after}, the
 * types whose records its records draw on when the run collects them too (they run first, in the
 * same chain; unlike {@code needs}, nothing runs for them otherwise); {@code provides}, what its
 * records tell about the target, and the member each fact is read from.
 *
 * <p>A type's calls read every page of its API and hand each record to the sink as the page
 * arrives. They never build clients, read options, know their account or region, or catch
 * exceptions: the fan-out layer owns clients, context, retries and errors. A failure part-way
 * through keeps the records already handed over.
 */
public record ResourceType(
    String name,
    String fileStem,
    List<String> iamActions,
    boolean collectedByDefault,
    List<String> keyMembers,
    String tagsMember,
    List<String> columns,
    List<String> laterColumns,
    String newestMember,
    Optional<SdkPojo> model,
    List<FactColumn> factColumns,
    List<Member> addedMembers,
    Set<String> notSetUpCodes,
    Set<TargetFact> needs,
    Set<String> after,
    Map<TargetFact, String> provides,
    Calls calls,
    Probe probe)
    implements Comparable<ResourceType> {
  /** The CSV column of every resource type that holds its tags. */
  public static final String TAGS_COLUMN = CsvColumns.TAGS_COLUMN;

  /** What a service answers in an account never subscribed to it. */
  public static final Set<String> NOT_SUBSCRIBED =
      Set.of("SubscriptionRequiredException", "OptInRequired");

  /** A type's calls against one target's APIs. */
  @FunctionalInterface
  public interface Calls {
    void run(TargetApis apis, RecordSink sink);
  }

  /** The cheapest call that proves a type can be collected: one small page. */
  @FunctionalInterface
  public interface Probe {
    void run(TargetApis apis);
  }

  /**
   * A type named {@code name} on the command line and in the summary, written to {@code fileStem}.
   */
  public static Builder named(String name, String fileStem) {
    return new Builder(name, fileStem);
  }

  /** The member that identifies a record. */
  public String idMember() {
    return keyMembers.get(0);
  }

  /** How the records are laid out in the output file. */
  public FileLayout layout() {
    return new FileLayout(fileStem, columns, tagsMember, laterColumns);
  }

  /** Reads every record of the type in one target into {@code sink}. */
  public void collect(TargetApis apis, RecordSink sink) {
    calls.run(apis, sink);
  }

  /** Makes the cheapest call that proves the type can be collected, for {@code check}. */
  public void probe(TargetApis apis) {
    probe.run(apis);
  }

  /** Types are ordered as the registry lists them: the order of files, summary rows and columns. */
  @Override
  public int compareTo(ResourceType other) {
    return Integer.compare(ResourceTypes.rank(this), ResourceTypes.rank(other));
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return name;
  }

  /**
   * A definition being written; every part but the name, file, key, columns and calls is optional.
   */
  public static final class Builder {
    private final String name;
    private final String fileStem;
    private List<String> iamActions = List.of();
    private boolean collectedByDefault = true;
    private List<String> keyMembers = List.of();
    private String tagsMember = "Tags";
    private List<String> columns = List.of();
    private List<String> laterColumns = List.of();
    private String newestMember;
    private SdkPojo model;
    private List<FactColumn> factColumns = List.of();
    private List<Member> addedMembers = List.of();
    private Set<String> notSetUpCodes = Set.of();
    private Set<TargetFact> needs = Set.of();
    private Set<String> after = Set.of();
    private Map<TargetFact, String> provides = Map.of();

    private Builder(String name, String fileStem) {
      this.name = name;
      this.fileStem = fileStem;
    }

    public Builder iamActions(String... actions) {
      iamActions = List.of(actions);
      return this;
    }

    /** Collected only when {@code --resources} names it. */
    public Builder optIn() {
      collectedByDefault = false;
      return this;
    }

    /** The key members, the id member first. */
    public Builder key(String... members) {
      keyMembers = List.of(members);
      return this;
    }

    public Builder tagsMember(String member) {
      tagsMember = member;
      return this;
    }

    public Builder columns(String... paths) {
      columns = List.of(paths);
      return this;
    }

    public Builder laterColumns(List<String> paths) {
      laterColumns = List.copyOf(paths);
      return this;
    }

    public Builder newestMember(String member) {
      newestMember = member;
      return this;
    }

    public Builder model(SdkPojo empty) {
      model = empty;
      return this;
    }

    public Builder factColumns(FactColumn... facts) {
      factColumns = List.of(facts);
      return this;
    }

    public Builder addedMembers(List<Member> members) {
      addedMembers = List.copyOf(members);
      return this;
    }

    public Builder notSetUpCodes(Set<String> codes) {
      notSetUpCodes = codes;
      return this;
    }

    public Builder needs(TargetFact... facts) {
      needs = Set.of(facts);
      return this;
    }

    public Builder after(String... types) {
      after = Set.of(types);
      return this;
    }

    public Builder provides(Map<TargetFact, String> facts) {
      provides = facts;
      return this;
    }

    /** The definition, with the calls that collect the type and the one that probes it. */
    public ResourceType calls(Calls collect, Probe cheapest) {
      if (keyMembers.isEmpty() || columns.isEmpty()) {
        throw new IllegalStateException(name + " needs its key and columns");
      }
      return new ResourceType(
          name,
          fileStem,
          iamActions,
          collectedByDefault,
          keyMembers,
          tagsMember,
          columns,
          laterColumns,
          newestMember,
          Optional.ofNullable(model),
          factColumns,
          addedMembers,
          notSetUpCodes,
          needs,
          after,
          provides,
          Objects.requireNonNull(collect),
          Objects.requireNonNull(cheapest));
    }
  }
}
