package io.awsinventory.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.ResourceType;
import io.awsinventory.output.Json;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aws-inventory policy}: the least-privilege IAM policy for the chosen options. */
@Command(
    name = "policy",
    description = "Print the minimal IAM policy (JSON) that collect needs for the chosen options.",
    mixinStandardHelpOptions = true)
public final class PolicyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--resources",
      split = ",",
      paramLabel = "TYPE",
      description =
          "Resource types: instances, reserved-instances, images, db-instances (default: all).")
  List<String> resources;

  @Override
  public Integer call() throws JsonProcessingException {
    spec.commandLine().getOut().println(policyJson(RunConfigFactory.resources(resources)));
    spec.commandLine().getOut().flush();
    return 0;
  }

  static String policyJson(Set<ResourceType> resources) throws JsonProcessingException {
    Set<String> actions = new TreeSet<>();
    actions.add("ec2:DescribeRegions");
    for (ResourceType type : resources) {
      actions.addAll(type.iamActions());
    }
    ObjectNode policy = Json.MAPPER.createObjectNode();
    policy.put("Version", "2012-10-17");
    ObjectNode statement = policy.putArray("Statement").addObject();
    statement.put("Sid", "AwsInventoryReadOnly");
    statement.put("Effect", "Allow");
    ArrayNode list = statement.putArray("Action");
    actions.forEach(list::add);
    statement.put("Resource", "*");
    return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(policy);
  }
}
