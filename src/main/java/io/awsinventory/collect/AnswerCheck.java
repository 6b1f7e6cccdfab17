package io.awsinventory.collect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Refuses a successful (2xx) answer that is not the one the API promises, before the SDK reads an
 * empty result out of it: a captive proxy's login page, an {@code <Errors>} document or a JSON
 * error sent with status 200. An XML API's answer must be labelled XML and have the root element
 * {@code <OperationResponse>} (and, in the query protocol, its {@code <OperationResult>}); a JSON
 * API's answer must be a JSON object that names no error type. What arrived is named in the failure
 * (its first 200 characters), which fails the target like any other.
 *
 * <p>JSON answers are judged by their body alone: emulators label them {@code text/html}. An answer
 * {@link Answers} reads itself is checked there, as it is read.
 */
public final class AnswerCheck implements ExecutionInterceptor {
  /** How an API answers. */
  enum Protocol {
    /** EC2's own XML: members in the root. */
    EC2,
    /** Query XML (RDS, STS): members in a result element in the root. */
    QUERY,
    /** JSON 1.1 (Systems Manager, License Manager, Organizations). */
    JSON,
    /** Other protocols (S3's REST answers): not checked here. */
    OTHER
  }

  private static final int SHOWN = 200;
  private static final JsonFactory JSON = new JsonFactory();

  /** The protocol of an SDK service by its client's service name. */
  static Protocol protocolOf(String service) {
    return switch (service == null ? "" : service.toLowerCase(Locale.ROOT)) {
      case "ec2" -> Protocol.EC2;
      case "rds", "sts" -> Protocol.QUERY;
      case "ssm", "licensemanager", "license-manager", "organizations" -> Protocol.JSON;
      default -> Protocol.OTHER;
    };
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(
      Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
    Optional<InputStream> body = context.responseBody();
    Protocol protocol = protocolOf(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME));
    if (protocol == Protocol.OTHER
        || !context.httpResponse().isSuccessful()
        || body.isEmpty()
        || Answers.readsItself(attributes)) {
      return body;
    }
    byte[] bytes;
    try (InputStream in = body.get()) {
      bytes = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the answer", e);
    }
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    String type = context.httpResponse().firstMatchingHeader("Content-Type").orElse("");
    if (protocol == Protocol.JSON) {
      checkJson(bytes);
    } else {
      checkXml(protocol, bytes, type, operation);
    }
    return Optional.of(new ByteArrayInputStream(bytes));
  }

  /** Refuses an answer labelled as something other than XML; an unlabelled one is read. */
  static void checkXmlType(String type, byte[] bytes) {
    String mediaType = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!mediaType.isEmpty() && !mediaType.endsWith("/xml") && !mediaType.endsWith("+xml")) {
      throw refused("an answer of type " + type + ", not XML", bytes);
    }
  }

  private static void checkXml(Protocol protocol, byte[] bytes, String type, String operation) {
    checkXmlType(type, bytes);
    String root = operation + "Response";
    String result = operation + "Result";
    String fault = fault(protocol, bytes, root, result);
    if (fault != null) {
      throw refused(fault, bytes);
    }
  }

  /** What is wrong with an XML answer's root and result elements; null when nothing is. */
  private static String fault(Protocol protocol, byte[] bytes, String root, String result) {
    XMLStreamReader reader = null;
    try {
      reader = XmlEvents.open(new ByteArrayInputStream(bytes));
      if (!XmlEvents.toNextChild(reader)) {
        return "an answer without a root element";
      }
      if (!reader.getLocalName().equals(root)) {
        return "the root element is <" + reader.getLocalName() + ">, not <" + root + ">";
      }
      if (protocol == Protocol.QUERY && !hasChild(reader, result)) {
        return "an answer without its <" + result + "> element";
      }
      return null;
    } catch (XMLStreamException | MalformedAnswerException e) {
      return "an answer that is not well-formed XML";
    } finally {
      XmlEvents.close(reader);
    }
  }

  /** Whether the element whose start the reader is at holds a child named {@code name}. */
  private static boolean hasChild(XMLStreamReader reader, String name) throws XMLStreamException {
    while (XmlEvents.toNextChild(reader)) {
      if (reader.getLocalName().equals(name)) {
        return true;
      }
      XmlEvents.skipElement(reader);
    }
    return false;
  }

  private static void checkJson(byte[] bytes) {
    try (JsonParser parser = JSON.createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw refused("an answer that is not a JSON object", bytes);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (name.equals("__type")) {
          throw refused("an error answer with status 200", bytes);
        }
        parser.skipChildren();
      }
    } catch (IOException e) {
      throw refused("an answer that is not JSON", bytes);
    }
  }

  static MalformedAnswerException refused(String what, byte[] bytes) {
    // at most four bytes a character: enough bytes for the characters shown
    String text = new String(bytes, 0, Math.min(bytes.length, SHOWN * 4), StandardCharsets.UTF_8);
    return new MalformedAnswerException(what + "; it began: " + XmlEvents.shown(text, SHOWN));
  }
}
