package io.awsinventory.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;

/**
 * The default vCPUs, cores and threads per core of EC2 instance types, asked for once per type per
 * region for the whole run ({@code DescribeInstanceTypes}, up to 100 types a call) and shared by
 * every account: a type's specs are the same in every account of a region. A lookup AWS refuses
 * leaves those types unknown for the target that asked; it never fails the target.
 */
public final class TypeCpus {
  /** A type's default CPU: vCPUs = cores x threads per core. */
  public record Cpu(int vcpus, int cores, int threadsPerCore) {}

  private final Map<String, Map<String, Cpu>> byRegion = new ConcurrentHashMap<>();
  private final Queue<String> refusals = new ConcurrentLinkedQueue<>();

  /** The lookups of one target: its EC2 client, and whether AWS refused it one already. */
  public final class Lookup {
    private final Ec2Client ec2;
    private final String target;
    private final String region;
    private boolean refused;

    private Lookup(Ec2Client ec2, String target, String region) {
      this.ec2 = ec2;
      this.target = target;
      this.region = region;
    }

    /** The specs of {@code types} that AWS describes, asking only for those not asked before. */
    public Map<String, Cpu> of(Collection<String> types) {
      Map<String, Cpu> known = byRegion.computeIfAbsent(region, r -> new HashMap<>());
      synchronized (known) {
        List<String> missing = new ArrayList<>();
        for (String type : new TreeSet<>(types)) {
          if (!known.containsKey(type)) {
            missing.add(type);
          }
        }
        if (!missing.isEmpty() && !refused) {
          fetch(missing, known);
        }
        Map<String, Cpu> found = new HashMap<>();
        for (String type : types) {
          Cpu cpu = known.get(type);
          if (cpu != null) {
            found.put(type, cpu);
          }
        }
        return found;
      }
    }

    private void fetch(List<String> missing, Map<String, Cpu> known) {
      for (int from = 0; from < missing.size(); from += InstanceTypesCollector.LOOKUP_BATCH) {
        List<String> batch =
            missing.subList(
                from, Math.min(missing.size(), from + InstanceTypesCollector.LOOKUP_BATCH));
        try {
          for (ObjectNode page : pages(batch)) {
            for (ObjectNode type : Answers.items(page, "InstanceTypes")) {
              JsonNode info = type.path("VCpuInfo");
              if (info.has("DefaultVCpus")) {
                int vcpus = info.path("DefaultVCpus").asInt();
                known.put(
                    type.path("InstanceType").asText(),
                    new Cpu(
                        vcpus,
                        info.path("DefaultCores").asInt(vcpus),
                        info.path("DefaultThreadsPerCore").asInt(1)));
              }
            }
          }
        } catch (AbortedException e) {
          throw e;
        } catch (SdkException e) {
          // refused, or a name this region does not know: those types stay unknown here
          refused = true;
          refusals.add(
              target
                  + " ("
                  + (e instanceof AwsServiceException service && service.awsErrorDetails() != null
                      ? service.awsErrorDetails().errorCode()
                      : e.getClass().getSimpleName())
                  + ")");
          return;
        }
      }
    }

    private Iterable<ObjectNode> pages(List<String> batch) {
      return TypeCpus.pages(ec2, batch);
    }
  }

  /** The pages that describe {@code batch}, up to 100 instance types. */
  static Iterable<ObjectNode> pages(Ec2Client ec2, List<String> batch) {
    return Answers.ec2Pages(
        "DescribeInstanceTypes",
        DescribeInstanceTypesResponse.builder(),
        (token, answer) ->
            ec2.describeInstanceTypes(
                DescribeInstanceTypesRequest.builder()
                    .instanceTypesWithStrings(batch)
                    .nextToken(token)
                    .overrideConfiguration(answer)
                    .build()));
  }

  /**
   * The lookups of one target, made with its EC2 client.
   *
   * @param target the target, for {@link #refusals()}: "account/region"
   */
  public Lookup lookup(Ec2Client ec2, String target, String region) {
    return new Lookup(ec2, target, region);
  }

  /** The targets where a lookup failed, each "account/region (error code)", in no order. */
  public List<String> refusals() {
    return List.copyOf(refusals);
  }
}
