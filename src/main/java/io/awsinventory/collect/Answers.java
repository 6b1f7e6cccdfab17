package io.awsinventory.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The answers of EC2 and RDS calls as JSON trees read straight from their XML ({@link
 * AnswerReader}), while the SDK still does everything else for the call: endpoints, signing,
 * retries, time-outs and errors. A call asks for it by carrying an execution attribute; the
 * client's interceptor reads a successful answer's body into the tree and hands the SDK an empty
 * answer in its place, so the SDK builds neither its element tree nor its model objects. That was
 * two fifths of the collector's CPU (docs/performance.md).
 *
 * <p>A client without the interceptor (a test's stand-in) answers with model objects, which become
 * the same tree through {@link SdkRecords}.
 */
public final class Answers implements ExecutionInterceptor {
  private static final ExecutionAttribute<Pending> PENDING =
      new ExecutionAttribute<>("aws-inventory.answer");

  /** What the SDK reads in place of an answer already read: no members. */
  private static final byte[] EMPTY = "<Answer><Result/></Answer>".getBytes(StandardCharsets.UTF_8);

  /** A call whose answer is to be read into a tree, and the tree once it is. */
  private static final class Pending {
    final AnswerShape shape;
    final boolean wrapped;

    /** Set by the interceptor, which runs on the calling thread: the client is synchronous. */
    ObjectNode tree;

    Pending(AnswerShape shape, boolean wrapped) {
      this.shape = shape;
      this.wrapped = wrapped;
    }
  }

  /**
   * The answer of an EC2 call as a tree.
   *
   * @param model the call's response model (its builder will do): which element is which member
   * @param call makes the call with the request configuration given, and returns its response
   */
  public static ObjectNode ec2(
      SdkPojo model, Function<AwsRequestOverrideConfiguration, ? extends SdkPojo> call) {
    return read(model, false, call);
  }

  /** The answer of a query-protocol call (RDS) as a tree: see {@link #ec2}. */
  static ObjectNode query(
      SdkPojo model, Function<AwsRequestOverrideConfiguration, ? extends SdkPojo> call) {
    return read(model, true, call);
  }

  /**
   * The pages of a paginated EC2 call, each as a tree, followed by their {@code NextToken} and
   * guarded as {@link Pages} guards them.
   *
   * @param what the call, for messages ("DescribeInstances")
   * @param call makes the call for a page token (null for the first page) with the request
   *     configuration given
   */
  public static Iterable<ObjectNode> ec2Pages(
      String what,
      SdkPojo model,
      BiFunction<String, AwsRequestOverrideConfiguration, ? extends SdkPojo> call) {
    return pages(what, model, false, "NextToken", call);
  }

  /** The pages of a paginated query-protocol call (RDS), followed by their {@code Marker}. */
  public static Iterable<ObjectNode> queryPages(
      String what,
      SdkPojo model,
      BiFunction<String, AwsRequestOverrideConfiguration, ? extends SdkPojo> call) {
    return pages(what, model, true, "Marker", call);
  }

  private static Iterable<ObjectNode> pages(
      String what,
      SdkPojo model,
      boolean wrapped,
      String tokenMember,
      BiFunction<String, AwsRequestOverrideConfiguration, ? extends SdkPojo> call) {
    return Pages.following(
        token -> read(model, wrapped, answer -> call.apply(token, answer)),
        what,
        page -> token(page, tokenMember));
  }

  /** A page's token for the next page, from {@code member}; null on the last page. */
  static String token(ObjectNode page, String member) {
    JsonNode token = page.get(member);
    return token == null ? null : token.textValue();
  }

  /** The structures in list member {@code member} of {@code node}; none when it is absent. */
  public static List<ObjectNode> items(JsonNode node, String member) {
    JsonNode list = node.get(member);
    if (list == null || !list.isArray()) {
      return List.of();
    }
    List<ObjectNode> items = new ArrayList<>(list.size());
    for (JsonNode item : list) {
      if (item instanceof ObjectNode structure) {
        items.add(structure);
      }
    }
    return items;
  }

  private static ObjectNode read(
      SdkPojo model,
      boolean wrapped,
      Function<AwsRequestOverrideConfiguration, ? extends SdkPojo> call) {
    Pending pending = new Pending(AnswerShape.of(model), wrapped);
    SdkPojo response =
        call.apply(
            AwsRequestOverrideConfiguration.builder()
                .putExecutionAttribute(PENDING, pending)
                .build());
    ObjectNode tree = pending.tree;
    return tree != null ? tree : SdkRecords.toJson(response);
  }

  /** Whether this call's answer is read here, and checked as it is read. */
  static boolean readsItself(ExecutionAttributes attributes) {
    return attributes.getAttribute(PENDING) != null;
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    Pending pending = attributes.getAttribute(PENDING);
    Optional<InputStream> body = context.responseBody();
    if (pending == null || !context.httpResponse().isSuccessful() || body.isEmpty()) {
      return body;
    }
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    byte[] xml;
    try (InputStream in = body.get()) {
      xml = in.readAllBytes();
    } catch (IOException e) {
      throw SdkClientException.create("Could not read the response.", e);
    }
    AnswerCheck.checkXmlType(
        context.httpResponse().firstMatchingHeader("Content-Type").orElse(""), xml);
    pending.tree =
        AnswerReader.read(new ByteArrayInputStream(xml), operation, pending.shape, pending.wrapped);
    return Optional.of(new ByteArrayInputStream(EMPTY));
  }
}
