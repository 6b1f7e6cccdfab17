package io.awsinventory.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static String written(JsonNode node) throws Exception {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = Json.MAPPER.createGenerator(text)) {
      Json.writeTree(json, node);
    }
    return text.toString();
  }

  @Test
  void writeTree_randomTrees_writtenAsTheMapperWritesThem() throws Exception {
    Random random = new Random(7);
    for (int i = 0; i < 500; i++) {
      JsonNode tree = tree(random, 0);
      assertThat(written(tree)).isEqualTo(Json.MAPPER.writeValueAsString(tree));
    }
  }

  @Test
  void writeTree_everyKindOfValue_sameTextAsTheMapper() throws Exception {
    ObjectNode record = NODES.objectNode();
    record.put("Text", "a \"quoted\"\\ line\nwith\ttabs, \u0001, \u00e9 and \uD83D\uDE00");
    record.put("Int", -7);
    record.put("Short", (short) 3);
    record.put("Long", 1L << 40);
    record.put("Big", new BigInteger("123456789012345678901234567890"));
    record.put("Float", 1.5f);
    record.put("Double", 0.1);
    record.put("Decimal", new BigDecimal("1E+3"));
    record.put("Flag", true);
    record.putNull("Null");
    record.put("Bytes", new byte[] {0, 1, 2, (byte) 255});
    record.set("Empty", NODES.objectNode());
    record.set("None", NODES.arrayNode());
    record.putArray("Mixed").add(1).addNull().add("x").addObject().put("k", false);
    String text = written(record);
    assertThat(text).isEqualTo(Json.MAPPER.writeValueAsString(record));
    assertThat(Json.MAPPER.readTree(text).get("Bytes").binaryValue()).containsExactly(0, 1, 2, 255);
  }

  private static JsonNode tree(Random random, int depth) {
    int kind = random.nextInt(depth > 3 ? 6 : 8);
    return switch (kind) {
      case 0 -> NODES.textNode(text(random));
      case 1 -> NODES.numberNode(random.nextInt());
      case 2 -> NODES.numberNode(random.nextLong());
      case 3 -> NODES.numberNode(random.nextDouble() * 1e6);
      case 4 -> random.nextBoolean() ? NODES.booleanNode(random.nextBoolean()) : NODES.nullNode();
      case 5 -> NODES.numberNode(BigDecimal.valueOf(random.nextLong(), random.nextInt(8)));
      case 6 -> {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(tree(random, depth + 1));
        }
        yield array;
      }
      default -> {
        ObjectNode object = NODES.objectNode();
        for (int i = random.nextInt(5); i > 0; i--) {
          object.set(text(random), tree(random, depth + 1));
        }
        yield object;
      }
    };
  }

  /** Text with what JSON escapes, non-ASCII letters and pairs of surrogates. */
  private static String text(Random random) {
    String pieces = "aZ9 \"\\/\n\t\u0000\u001f\u007f\u00e9\u2028\uFF21";
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(12); i > 0; i--) {
      if (random.nextInt(10) == 0) {
        text.append("\uD83D\uDE00");
      } else {
        text.append(pieces.charAt(random.nextInt(pieces.length())));
      }
    }
    return text.toString();
  }
}
