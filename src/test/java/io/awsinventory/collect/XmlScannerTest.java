package io.awsinventory.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * The scanner reads what a StAX parser reads: documents of random elements, text, entities,
 * character references, CDATA sections, comments, processing instructions, attributes and line ends
 * are walked by both and must come out the same.
 */
class XmlScannerTest {
  private static final XMLInputFactory STAX = XMLInputFactory.newInstance();

  @Test
  void randomDocuments_readAsAStaxParserReadsThem() throws XMLStreamException {
    Random random = new Random(20261129L);
    for (int i = 0; i < 2000; i++) {
      StringBuilder xml = new StringBuilder();
      if (random.nextBoolean()) {
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!-- before -->\n");
      }
      container(xml, random, 0);
      String document = xml.toString();

      assertThat(walk(new XmlScanner(document.getBytes(StandardCharsets.UTF_8))))
          .as(document)
          .isEqualTo(walk(STAX.createXMLStreamReader(new StringReader(document))));
    }
  }

  @Test
  void theTextOfAnElement_isItsLastRunWithEntitiesCdataAndLineEndsRead() {
    XmlScanner scanner =
        scanner(
            "\uFEFF<a xmlns=\"urn:x\" b='1 > 0'><p:t>caf&#233; &amp; &#x1F600;<![CDATA[<&amp;>]]>"
                + "\r\nend</p:t><t>one<!-- c -->two<?pi x?>three<skip>x</skip></t><t/></a>");

    assertThat(scanner.toRoot()).isTrue();
    assertThat(scanner.toNextChild()).isTrue();
    assertThat(scanner.nameIs("t".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(scanner.elementText()).isEqualTo("café & \uD83D\uDE00<&amp;>\nend");
    assertThat(scanner.toNextChild()).isTrue();
    assertThat(scanner.elementText()).isEqualTo("three");
    assertThat(scanner.toNextChild()).isTrue();
    assertThat(scanner.elementText()).isEmpty();
    assertThat(scanner.toNextChild()).isFalse();
  }

  @Test
  void malformedAnswers_fail() {
    for (String xml :
        new String[] {
          "<a><b></a></b>",
          "<a><b>text</b>",
          "<t>&nbsp;</t>",
          "<t>&#0;</t>",
          "<t>&#xD800;</t>",
          "<t>&amp</t>",
          "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>",
          "text<a/>",
          "<a b=c></a>",
          "<a><!-- open </a>",
          "<a><![CDATA[open</a>",
          "<a></a b>",
          "<a></ab>",
          "<ab></a>",
        }) {
      XmlScanner scanner = scanner(xml);
      assertThatThrownBy(
              () -> {
                scanner.toRoot();
                scanner.elementText();
              })
          .as(xml)
          .isInstanceOf(MalformedXmlException.class);
    }
  }

  private static XmlScanner scanner(String xml) {
    return new XmlScanner(xml.getBytes(StandardCharsets.UTF_8));
  }

  /** A container: child elements apart by white space, containers or texts ("t" names). */
  private static void container(StringBuilder xml, Random random, int depth) {
    String name = random.nextInt(4) == 0 ? "p:c" + depth : "c" + depth;
    xml.append('<').append(name);
    if (depth == 0) {
      xml.append(" xmlns:p=\"urn:p\"");
    }
    if (random.nextInt(3) == 0) {
      xml.append(" id='a\"b>c' p:n = \"1\"");
    }
    int children = depth > 3 ? 0 : random.nextInt(4);
    if (children == 0 && random.nextBoolean()) {
      xml.append(" />");
      return;
    }
    xml.append('>');
    for (int i = 0; i < children; i++) {
      xml.append(random.nextBoolean() ? "\n  " : "\r\n");
      if (random.nextInt(3) == 0) {
        container(xml, random, depth + 1);
      } else {
        text(xml, random);
      }
    }
    xml.append("</").append(name).append('>');
  }

  private static final String[] PIECES = {
    "plain",
    " ",
    "caf\u00e9",
    "\u20ac\uD83D\uDE00",
    "&amp;",
    "&lt;&gt;",
    "&quot;&apos;",
    "&#65;",
    "&#x263A;",
    "&#x1F600;",
    "<![CDATA[<raw & text>]]>",
    "<![CDATA[]]>",
    "<!-- note -->",
    "<?pi data?>",
    "\r\n",
    "\r",
    "\n",
    "<t2>child</t2>",
    "<t2/>"
  };

  private static void text(StringBuilder xml, Random random) {
    xml.append("<t>");
    int pieces = random.nextInt(6);
    for (int i = 0; i < pieces; i++) {
      xml.append(PIECES[random.nextInt(PIECES.length)]);
    }
    xml.append("</t>");
  }

  private static String walk(XmlScanner scanner) {
    StringBuilder out = new StringBuilder();
    if (scanner.toRoot()) {
      walkContainer(scanner, out);
    }
    return out.toString();
  }

  private static void walkContainer(XmlScanner scanner, StringBuilder out) {
    out.append('[').append(name(scanner));
    while (scanner.toNextChild()) {
      if (name(scanner).startsWith("t")) {
        out.append("{").append(scanner.elementText()).append('}');
      } else {
        walkContainer(scanner, out);
      }
    }
    out.append(']');
  }

  private static String name(XmlScanner scanner) {
    return new String(
        scanner.bytes(), scanner.nameFrom(), scanner.nameLength(), StandardCharsets.UTF_8);
  }

  private static String walk(XMLStreamReader reader) throws XMLStreamException {
    StringBuilder out = new StringBuilder();
    while (reader.next() != XMLStreamConstants.START_ELEMENT) {
      // the prolog
    }
    walkContainer(reader, out);
    return out.toString();
  }

  private static void walkContainer(XMLStreamReader reader, StringBuilder out)
      throws XMLStreamException {
    out.append('[').append(reader.getLocalName());
    while (true) {
      int event = reader.next();
      if (event == XMLStreamConstants.END_ELEMENT) {
        break;
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (reader.getLocalName().startsWith("t")) {
          out.append("{").append(lastRun(reader)).append('}');
        } else {
          walkContainer(reader, out);
        }
      }
    }
    out.append(']');
  }

  /** The SDK's reading of an element's text: its last run of characters, children passed over. */
  private static String lastRun(XMLStreamReader reader) throws XMLStreamException {
    StringBuilder run = null;
    boolean inRun = false;
    int depth = 0;
    while (true) {
      int event = reader.next();
      if (depth > 0) {
        depth += event == XMLStreamConstants.START_ELEMENT ? 1 : 0;
        depth -= event == XMLStreamConstants.END_ELEMENT ? 1 : 0;
        continue;
      }
      switch (event) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (!inRun) {
            inRun = true;
            run = new StringBuilder();
          }
          run.append(reader.getText());
        }
        case XMLStreamConstants.END_ELEMENT -> {
          return run == null ? "" : run.toString();
        }
        case XMLStreamConstants.START_ELEMENT -> {
          inRun = false;
          depth = 1;
        }
        default -> inRun = false;
      }
    }
  }
}
