package io.awsinventory.fanout;

import com.fasterxml.jackson.databind.JsonNode;
import io.awsinventory.ResourceType;
import io.awsinventory.collect.Collectors;
import io.awsinventory.collect.RecordSink;
import io.awsinventory.collect.ResourceCollector;
import io.awsinventory.output.SpillSorter;
import io.awsinventory.output.SpillWriter;
import io.awsinventory.output.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the resource steps of targets. This is the one place that owns clients, context and errors:
 * a failing step is recorded as an {@link Outcome} and never stops the others.
 *
 * <p>Each target is one task that runs its resources one after the other over one set of clients:
 * the fan-out is across targets, which keeps client builds and connections per target to a minimum
 * (profiling showed per-client and per-call SDK work, not waiting, bounding a large run).
 */
public final class TargetRunner {
  private static final Logger LOG = LoggerFactory.getLogger(TargetRunner.class);

  private final AwsClients clients;
  private final Workspace workspace;
  private final Clock clock;
  private final Progress progress;
  private final SpillSorter sorter;

  public TargetRunner(
      AwsClients clients, Workspace workspace, int concurrency, Clock clock, Progress progress) {
    this.clients = clients;
    this.workspace = workspace;
    this.clock = clock;
    this.progress = progress;
    this.sorter = SpillSorter.forHeap(concurrency);
  }

  /**
   * The steps of one target, in the order they run: instances first, since images need the image
   * ids the instances run from.
   */
  public static List<ResourceType> steps(Set<ResourceType> resources) {
    List<ResourceType> steps = new ArrayList<>();
    for (ResourceType type :
        List.of(
            ResourceType.INSTANCES,
            ResourceType.IMAGES,
            ResourceType.DB_INSTANCES,
            ResourceType.RESERVED_INSTANCES)) {
      if (resources.contains(type)) {
        steps.add(type);
      }
    }
    return steps;
  }

  /**
   * Runs the steps of one target over one set of clients; every outcome is recorded, none thrown.
   */
  public List<Outcome> runTarget(Target target, List<ResourceType> steps) {
    List<Outcome> outcomes = new ArrayList<>();
    try (TargetClients apis = new TargetClients(clients, target)) {
      for (ResourceType type : steps) {
        Outcome outcome = runStep(target, type, apis, steps.contains(ResourceType.IMAGES));
        if (type == ResourceType.INSTANCES && outcome.status() != Status.OK) {
          apis.instancesFailed(outcome.errorCode());
        }
        outcomes.add(outcome);
        progress.finished(outcome);
      }
    }
    return outcomes;
  }

  private Outcome runStep(
      Target target, ResourceType type, TargetClients apis, boolean imagesFollow) {
    ResourceCollector collector = Collectors.of(type);
    Path spill = workspace.spillFile(type.fileStem() + "-" + target.label());
    long start = System.nanoTime();
    Outcome outcome;
    try (SpillWriter writer =
        new SpillWriter(
            spill,
            target.account().id(),
            target.account().name(),
            target.region(),
            collector.idMember(),
            clock)) {
      RecordSink sink = writer;
      if (type == ResourceType.INSTANCES && imagesFollow) {
        Set<String> imageIds = apis.gatherImageIds();
        sink =
            record -> {
              JsonNode imageId = record.get("ImageId");
              if (imageId != null) {
                imageIds.add(imageId.asText());
              }
              writer.accept(record);
            };
      }
      outcome = collect(target, type, collector, apis, sink, writer, start, spill);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + spill, e);
    }
    try {
      sorter.sort(spill);
    } catch (IOException e) {
      throw new UncheckedIOException("could not sort " + spill, e);
    }
    return outcome;
  }

  private static Outcome collect(
      Target target,
      ResourceType type,
      ResourceCollector collector,
      io.awsinventory.collect.TargetApis apis,
      RecordSink sink,
      SpillWriter writer,
      long start,
      Path spill) {
    try {
      collector.collect(apis, sink);
      return new Outcome(
          target, type, Status.OK, writer.records(), millisSince(start), null, null, spill);
    } catch (UncheckedIOException e) {
      throw e;
    } catch (RuntimeException e) {
      ErrorClassifier.Classified classified = ErrorClassifier.classify(e);
      if (classified.code().equals(ErrorClassifier.INTERNAL_ERROR)) {
        LOG.error("internal error collecting {} in {}", type, target.label(), e);
      } else {
        LOG.debug("{} in {}: {}", type, target.label(), classified.code(), e);
      }
      return new Outcome(
          target,
          type,
          classified.status(),
          writer.records(),
          millisSince(start),
          classified.code(),
          classified.message(),
          spill);
    }
  }

  private static long millisSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}
