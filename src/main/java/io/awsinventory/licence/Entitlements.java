package io.awsinventory.licence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.output.OutputFormat;
import io.awsinventory.output.RecordReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The licences owned, from a CSV file with the header {@code product,edition,metric,quantity}: one
 * row per product x edition x metric (rows of the same three add up). The product, edition and
 * metric are written as {@code licence_position} names them.
 */
public final class Entitlements {
  static final List<String> HEADER = List.of("product", "edition", "metric", "quantity");

  /** One entitlement: {@code quantity} units of a product in an edition, by a metric. */
  public record Entitlement(String product, String edition, String metric, long quantity) {}

  private final Map<List<String>, Long> owned = new LinkedHashMap<>();

  private Entitlements() {}

  /** No entitlements: the position shows no owned units and no balance. */
  public static Entitlements none() {
    return new Entitlements();
  }

  /**
   * The entitlements in {@code file}.
   *
   * @throws IOException naming the row that is wrong, or why the file cannot be read
   */
  public static Entitlements read(Path file) throws IOException {
    Entitlements entitlements = new Entitlements();
    try (RecordReader rows = RecordReader.open(file, OutputFormat.CSV, Map.of(), "Tags")) {
      int number = 1;
      for (ObjectNode row = rows.next(); row != null; row = rows.next()) {
        number++;
        Set<String> names = new HashSet<>();
        row.fieldNames().forEachRemaining(names::add);
        if (number == 2 && !names.containsAll(List.of("product", "metric", "quantity"))) {
          throw new IOException("the header is " + String.join(",", HEADER));
        }
        String product = row.path("product").asText("").trim();
        String quantity = row.path("quantity").asText("").trim();
        if (product.isEmpty() || !quantity.matches("\\d{1,12}")) {
          throw new IOException(
              "row " + number + " needs a product and a whole number quantity, not " + row);
        }
        List<String> key =
            List.of(
                product,
                row.path("edition").asText("").trim(),
                row.path("metric").asText("").trim());
        entitlements.owned.merge(key, Long.parseLong(quantity), Long::sum);
      }
    }
    return entitlements;
  }

  /** The units owned of a product, edition and metric, or null when none is listed. */
  Long owned(String product, String edition, String metric) {
    return owned.get(List.of(product, edition, metric));
  }

  /** The entitlements for products the set does not run ({@code keys}: account, product, ...). */
  List<Entitlement> unmatched(Collection<List<String>> keys) {
    Set<List<String>> seen = new HashSet<>();
    for (List<String> key : keys) {
      seen.add(key.subList(1, 4));
    }
    List<Entitlement> unmatched = new ArrayList<>();
    owned.forEach(
        (key, quantity) -> {
          if (!seen.contains(key)) {
            unmatched.add(new Entitlement(key.get(0), key.get(1), key.get(2), quantity));
          }
        });
    return unmatched;
  }
}
