package io.awsinventory.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.query.unmarshall.XmlDomParser;
import software.amazon.awssdk.protocols.query.unmarshall.XmlElement;

/** The SDK reads EC2 and RDS answers with the StAX parser the run ships, Woodstox. */
class XmlAnswersTest {
  @Test
  void theStaxFactoryOnTheClasspath_isWoodstox() {
    assertThat(XMLInputFactory.newInstance().getClass().getName())
        .isEqualTo("com.ctc.wstx.stax.WstxInputFactory");
  }

  @Test
  void entitiesCharacterReferencesAndCdata_readAsText() {
    String answer =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<DescribeTagsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">\n"
            + "  <tagSet><item><key>Owner &amp; team</key>"
            + "<value>caf&#233; <![CDATA[<b>ops</b>]]></value></item></tagSet>\n"
            + "</DescribeTagsResponse>";

    XmlElement root =
        XmlDomParser.parse(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)));

    XmlElement item = root.getElementByName("tagSet").getElementByName("item");
    assertThat(item.getElementByName("key").textContent()).isEqualTo("Owner & team");
    assertThat(item.getElementByName("value").textContent()).isEqualTo("café <b>ops</b>");
  }
}
