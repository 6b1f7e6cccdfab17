package io.awsinventory.fanout;

import io.awsinventory.Status;
import io.awsinventory.collect.RecordSink;
import io.awsinventory.collect.ResourceDataSync;
import io.awsinventory.collect.ResourceType;
import io.awsinventory.collect.TargetFact;
import io.awsinventory.collect.TypeCpus;
import io.awsinventory.output.Duplicates;
import io.awsinventory.output.SpillSorter;
import io.awsinventory.output.SpillWriter;
import io.awsinventory.output.Workspace;
import io.awsinventory.transport.AwsClients;
import io.awsinventory.transport.ErrorClassifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the resource steps of targets. This is the one place that owns clients, context and errors:
 * a failing step is recorded as an {@link Outcome} and never stops the others.
 *
 * <p>Each chain of a target's steps (steps that share no producer of facts run side by side, see
 * {@code ResourceTypes.chains}) is one task that runs its steps one after the other on one thread,
 * the thread its {@link TargetCalls} was opened on: the run's shared clients make that thread's
 * calls as the target's ({@link TargetScope}). The fan-out is across targets and their chains.
 */
public final class TargetRunner {
  private static final Logger LOG = LoggerFactory.getLogger(TargetRunner.class);

  /** The code of a target whose answer did not fit in the heap. */
  public static final String OUT_OF_MEMORY = "OutOfMemory";

  private final AwsClients clients;
  private final Workspace workspace;
  private final Clock clock;
  private final StepListener listener;
  private final SpillSorter sorter;
  private final ResourceDataSync inventorySync;

  /** The instance type CPUs of the run, asked once per type per region. */
  private final TypeCpus typeCpus = new TypeCpus();

  /** The targets where AWS refused an instance type lookup, each "account/region (code)". */
  public List<String> typeLookupRefusals() {
    return typeCpus.refusals();
  }

  /**
   * @param inventorySync the Resource Data Sync installed software is read from, or null to read it
   *     from each target's Systems Manager API
   */
  public TargetRunner(
      AwsClients clients,
      Workspace workspace,
      SpillSorter sorter,
      Clock clock,
      StepListener listener,
      ResourceDataSync inventorySync) {
    this.clients = clients;
    this.inventorySync = inventorySync;
    this.workspace = workspace;
    this.clock = clock;
    this.listener = listener;
    this.sorter = sorter;
  }

  /**
   * Runs one chain of a target's steps, in the order given (see {@code ResourceTypes.chains}), in
   * one scope of the target's calls; every outcome is recorded, none thrown.
   */
  public List<Outcome> runTarget(Target target, List<ResourceType> steps) {
    Set<TargetFact> needed = new HashSet<>();
    steps.forEach(step -> needed.addAll(step.needs()));
    List<Outcome> outcomes = new ArrayList<>();
    try (TargetCalls apis = new TargetCalls(clients, target, inventorySync, typeCpus)) {
      for (ResourceType type : steps) {
        Outcome outcome = runStep(target, type, apis, needed);
        if (outcome.status() != Status.OK) {
          apis.stepFailed(type, outcome.errorCode());
        }
        outcomes.add(outcome);
        listener.finished(outcome);
      }
    }
    return outcomes;
  }

  private Outcome runStep(
      Target target, ResourceType type, TargetCalls apis, Set<TargetFact> needed) {
    long start = System.nanoTime();
    String name = type.fileStem() + "-" + target.label();
    SpillWriter writer =
        new SpillWriter(
            workspace,
            name,
            target.account().id(),
            target.account().name(),
            target.region(),
            type.keyMembers(),
            clock,
            sorter,
            new Duplicates(type.newestMember()));
    Outcome outcome;
    try {
      RecordSink sink = apis.gathering(type, needed, writer::accept);
      outcome = collect(target, type, apis, sink, writer, start);
      writer.close();
    } catch (IOException e) {
      writer.abandon();
      throw new UncheckedIOException("could not store the records of " + name, e);
    } catch (OutOfMemoryError e) {
      // the heap ran out while the records were sorted and stored, the other targets' answers
      // filling it too: the target fails alone, as when its answer does not fit (not closed
      // through try-with-resources: the JVM may throw one OutOfMemoryError object twice)
      writer.abandon();
      return outOfMemory(target, type, 0, start);
    } catch (RuntimeException e) {
      writer.abandon();
      throw e;
    }
    return outcome.withSpill(writer.spill());
  }

  private static Outcome outOfMemory(Target target, ResourceType type, long records, long start) {
    return new Outcome(
        target,
        type,
        Status.FAILED,
        records,
        millisSince(start),
        OUT_OF_MEMORY,
        "the Java heap of "
            + Runtime.getRuntime().maxMemory() / (1 << 20)
            + " MB ran out; give the JVM more (AWS_INVENTORY_JAVA_OPTS=-Xmx1g, or java -Xmx1g"
            + " -jar) or collect fewer targets at once (--concurrency)",
        null);
  }

  private static Outcome collect(
      Target target,
      ResourceType type,
      TargetCalls apis,
      RecordSink sink,
      SpillWriter writer,
      long start) {
    try {
      type.collect(apis, sink);
      return new Outcome(
          target, type, Status.OK, writer.records(), millisSince(start), null, null, null);
    } catch (UncheckedIOException e) {
      throw e;
    } catch (OutOfMemoryError e) {
      // one answer larger than the heap (a server that ignores the page size): the answer is
      // garbage once this frame is gone, so the target fails alone and the others go on
      return outOfMemory(target, type, writer.records(), start);
    } catch (RuntimeException e) {
      if (ErrorClassifier.notSetUp(type, e)) {
        LOG.debug("{} is not set up in {}: {}", type.name(), target.label(), e.getMessage());
        return new Outcome(
            target, type, Status.OK, writer.records(), millisSince(start), null, null, null);
      }
      ErrorClassifier.Classified classified = ErrorClassifier.classify(e);
      if (classified.code().equals(ErrorClassifier.INTERNAL_ERROR)) {
        LOG.error("internal error collecting {} in {}", type.name(), target.label(), e);
      } else {
        LOG.debug("{} in {}: {}", type.name(), target.label(), classified.code(), e);
      }
      return new Outcome(
          target,
          type,
          classified.status(),
          writer.records(),
          millisSince(start),
          classified.code(),
          classified.message(),
          null);
    }
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
