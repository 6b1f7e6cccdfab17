package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.InstanceTypeInfo;

/**
 * The EC2 instance types the target's instances have (any state): default and valid vCPUs, cores
 * and threads per core, memory, processor, bare metal. With the instances' own {@code CpuOptions}
 * it turns an instance into the cores a licence rule counts.
 */
public final class InstanceTypesCollector implements ResourceType {
  /** DescribeInstanceTypes takes at most 100 type names. */
  static final int LOOKUP_BATCH = 100;

  @Override
  public String name() {
    return "instance-types";
  }

  @Override
  public String fileStem() {
    return "ec2_instance_types";
  }

  @Override
  public List<String> iamActions() {
    return List.of("ec2:DescribeInstanceTypes");
  }

  @Override
  public boolean collectedByDefault() {
    return false;
  }

  @Override
  public Set<TargetFact> needs() {
    return Set.of(TargetFact.INSTANCE_TYPES_IN_USE);
  }

  @Override
  public String idMember() {
    return "InstanceType";
  }

  @Override
  public List<FactColumn> factColumns() {
    return List.of(
        FactColumn.integer("default_vcpus", "VCpuInfo.DefaultVCpus"),
        FactColumn.integer("default_cores", "VCpuInfo.DefaultCores"),
        FactColumn.integer("default_threads_per_core", "VCpuInfo.DefaultThreadsPerCore"));
  }

  @Override
  public List<String> columns() {
    return List.of(
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
        "SupportedUsageClasses");
  }

  @Override
  public Optional<SdkPojo> model() {
    return Optional.of(InstanceTypeInfo.builder().build());
  }

  @Override
  public void probe(TargetApis apis) {
    apis.ec2().describeInstanceTypes(r -> r.maxResults(5));
  }

  @Override
  public void collect(TargetApis apis, RecordSink sink) {
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
