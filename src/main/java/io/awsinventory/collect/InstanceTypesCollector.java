package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;

/**
 * The EC2 instance types the target's instances have (any state): default and valid vCPUs, cores
 * and threads per core, memory, processor, bare metal. With the instances' own {@code CpuOptions}
 * it turns an instance into the cores a licence rule counts.
 */
public final class InstanceTypesCollector {
  /** DescribeInstanceTypes takes at most 100 type names. */
  static final int LOOKUP_BATCH = 100;

  /** The type: what it is (name, file, key, columns, facts, actions) and the calls that read it. */
  public static final ResourceType TYPE =
      ResourceType.named("instance-types", "ec2_instance_types")
          .iamActions("ec2:DescribeInstanceTypes")
          .optIn()
          .key("InstanceType")
          .columns(
              "InstanceType",
              "VCpuInfo.DefaultVCpus",
              "VCpuInfo.DefaultCores",
              "VCpuInfo.DefaultThreadsPerCore",
              "VCpuInfo.ValidCores",
              "VCpuInfo.ValidThreadsPerCore",
              "MemoryInfo.SizeInMiB",
              "ProcessorInfo.Manufacturer",
              "ProcessorInfo.SupportedArchitectures",
              "ProcessorInfo.SustainedClockSpeedInGhz",
              "BareMetal",
              "Hypervisor",
              "CurrentGeneration",
              "DedicatedHostsSupported",
              "SupportedUsageClasses")
          .model(InstanceTypeInfo.builder().build())
          .factColumns(
              FactColumn.integer("default_vcpus", "VCpuInfo.DefaultVCpus"),
              FactColumn.integer("default_cores", "VCpuInfo.DefaultCores"),
              FactColumn.integer("default_threads_per_core", "VCpuInfo.DefaultThreadsPerCore"))
          .needs(TargetFact.INSTANCE_TYPES_IN_USE)
          .calls(InstanceTypesCollector::collect, InstanceTypesCollector::probe);

  private InstanceTypesCollector() {}

  private static void probe(TargetApis apis) {
    apis.ec2().describeInstanceTypes(r -> r.maxResults(5));
  }

  private static void collect(TargetApis apis, RecordSink sink) {
    Ec2Client ec2 = apis.ec2();
    List<String> types =
        new ArrayList<>(new TreeSet<>(apis.fact(TargetFact.INSTANCE_TYPES_IN_USE)));
    for (int from = 0; from < types.size(); from += LOOKUP_BATCH) {
      List<String> batch = types.subList(from, Math.min(types.size(), from + LOOKUP_BATCH));
      Iterable<ObjectNode> pages = TypeCpus.pages(ec2, batch);
      for (ObjectNode page : pages) {
        for (ObjectNode type : Answers.items(page, "InstanceTypes")) {
          sink.accept(type);
        }
      }
    }
  }
}
