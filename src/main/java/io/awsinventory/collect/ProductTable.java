package io.awsinventory.collect;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.awsinventory.TabSeparated;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The licensable products recognised in records: one data file ({@code licensing/products.tsv}, a
 * resource), each row a source (billing code, RDS engine, AMI product code, installed application),
 * what it matches and the product and edition it names. The file's header says how to read it.
 */
public final class ProductTable {
  public static final String BILLING_CODE = "billing-code";
  public static final String RDS_ENGINE = "rds-engine";
  public static final String AMI = "ami";
  public static final String APPLICATION = "application";

  /** The order in which one product found by several sources keeps its source: the first. */
  private static final List<String> PRECEDENCE =
      List.of(BILLING_CODE, RDS_ENGINE, AMI, APPLICATION);

  /** One row: where to look, what to match, the product and edition, and how it is licensed. */
  public record Row(String source, String match, String product, String edition, String licence) {
    boolean namesProduct() {
      return !product.isEmpty();
    }
  }

  /** A product recognised on a resource: what, which edition (may be empty), from where. */
  public record Product(String product, String edition, String source, boolean licenseIncluded) {
    /** How the billing-code text columns name it: product and edition, "SQL Server Standard". */
    String displayName() {
      return edition.isEmpty() ? product : product + " " + edition;
    }
  }

  /** The editions the table names, in their spelling. */
  private static final List<String> EDITIONS =
      List.of(
          "Enterprise",
          "Standard",
          "Web",
          "Express",
          "Developer",
          "Enterprise Edition",
          "Standard Edition 2");

  private static final ProductTable BUILT_IN = load();

  private final List<Row> rows;
  private final Map<String, List<Row>> exact = new LinkedHashMap<>();
  private final List<Map.Entry<Pattern, Row>> applications = new ArrayList<>();

  ProductTable(List<Row> rows) {
    this.rows = List.copyOf(rows);
    for (Row row : rows) {
      if (row.source().equals(APPLICATION)) {
        applications.add(
            Map.entry(
                Pattern.compile(row.match(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
                row));
      } else {
        exact.computeIfAbsent(row.source() + "\t" + row.match(), k -> new ArrayList<>()).add(row);
      }
    }
  }

  /** The table shipped with the tool. */
  public static ProductTable builtIn() {
    return BUILT_IN;
  }

  public List<Row> rows() {
    return rows;
  }

  /** The rows of a billing code, or null when AWS's table does not list the code. */
  List<Row> billingCode(String usageOperation) {
    return usageOperation == null ? null : exact.get(BILLING_CODE + "\t" + usageOperation);
  }

  /** The products a billing code includes or names as brought by the customer. */
  List<Product> fromBillingCode(String usageOperation) {
    List<Row> found = billingCode(usageOperation);
    List<Product> products = new ArrayList<>();
    for (Row row : found == null ? List.<Row>of() : found) {
      if (row.namesProduct()) {
        products.add(product(row, row.edition(), row.licence().equals("included")));
      }
    }
    return products;
  }

  /** The product of an RDS engine under its licence model; none for an open-source engine. */
  List<Product> fromRdsEngine(String engine, String licenseModel) {
    List<Row> found = engine == null ? null : exact.get(RDS_ENGINE + "\t" + engine);
    List<Product> products = new ArrayList<>();
    for (Row row : found == null ? List.<Row>of() : found) {
      products.add(product(row, row.edition(), "license-included".equals(licenseModel)));
    }
    return products;
  }

  /** The products of an image's product code. */
  List<Product> fromProductCode(String code) {
    List<Row> found = code == null ? null : exact.get(AMI + "\t" + code);
    List<Product> products = new ArrayList<>();
    for (Row row : found == null ? List.<Row>of() : found) {
      products.add(product(row, row.edition(), row.licence().equals("included")));
    }
    return products;
  }

  /** The product an installed application is, or null. */
  Product fromApplication(String name) {
    if (name == null) {
      return null;
    }
    for (Map.Entry<Pattern, Row> entry : applications) {
      Matcher matcher = entry.getKey().matcher(name.strip());
      if (matcher.matches()) {
        Row row = entry.getValue();
        String edition = row.edition();
        if (edition.equals("{1}")) {
          edition = canonical(matcher.group(1));
        }
        return product(row, edition, false);
      }
    }
    return null;
  }

  /** An edition as the table spells it, whatever the capitals of the name it was read from. */
  private static String canonical(String edition) {
    for (String known : EDITIONS) {
      if (known.equalsIgnoreCase(edition)) {
        return known;
      }
    }
    return edition;
  }

  private static Product product(Row row, String edition, boolean included) {
    return new Product(row.product(), edition, row.source(), included);
  }

  /**
   * One entry per product: where several sources name the same product, the first in the order
   * billing code, RDS engine, AMI, application keeps it, taking an edition another source knows
   * when its own does not tell it.
   */
  static List<Product> merge(List<Product> found) {
    Map<String, Product> byName = new LinkedHashMap<>();
    List<Product> ordered = new ArrayList<>(found);
    ordered.sort(
        (a, b) -> Integer.compare(PRECEDENCE.indexOf(a.source()), PRECEDENCE.indexOf(b.source())));
    for (Product product : ordered) {
      Product kept = byName.get(product.product());
      if (kept == null) {
        byName.put(product.product(), product);
      } else if (kept.edition().isEmpty() && !product.edition().isEmpty()) {
        byName.put(
            product.product(),
            new Product(kept.product(), product.edition(), kept.source(), kept.licenseIncluded()));
      }
    }
    return new ArrayList<>(byName.values());
  }

  /** The {@code Products} member: a list of Product, Edition, Source, LicenseIncluded objects. */
  static ArrayNode toJson(List<Product> products) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode(products.size());
    for (Product product : products) {
      ObjectNode entry = array.addObject();
      entry.put("Product", product.product());
      entry.put("Edition", product.edition());
      entry.put("Source", product.source());
      entry.put("LicenseIncluded", product.licenseIncluded());
    }
    return array;
  }

  /** The table in {@code in}, in the resource's layout; throws naming the line that is wrong. */
  static ProductTable read(InputStream in) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (TabSeparated.Row row : TabSeparated.read(in)) {
      String[] cells = row.cells();
      if (cells.length != 5 || !PRECEDENCE.contains(cells[0]) || cells[1].isEmpty()) {
        throw new IOException(
            "line " + row.line() + " is not source, match, product, edition, licence");
      }
      rows.add(new Row(cells[0], cells[1], cells[2], cells[3], cells[4]));
    }
    return new ProductTable(rows);
  }

  private static ProductTable load() {
    try (InputStream in =
        Objects.requireNonNull(
            ProductTable.class.getResourceAsStream("/licensing/products.tsv"),
            "licensing/products.tsv is missing from the build")) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("licensing/products.tsv: " + e.getMessage(), e);
    }
  }
}
