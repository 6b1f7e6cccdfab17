package io.awsinventory.licence;

import io.awsinventory.TabSeparated;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The licence rules, as data ({@code licensing/rules.tsv}, or a file given with {@code --rules}):
 * for each product a resource runs, where and under which licence, the first matching rule says how
 * its units are counted. The counting methods are code ({@link Method}); their figures, the
 * products they apply to and the sources they cite are the file's.
 */
public final class Rules {
  /** The version line a rules file starts with. */
  static final String VERSION = "1";

  /** How a rule counts. */
  public enum Method {
    COVERED("covered", Set.of("note")),
    FLAG("flag", Set.of("note")),
    UNCOUNTABLE("uncountable", Set.of("note")),
    VCPUS("vcpus", Set.of("min")),
    PROCESSORS("processors", Set.of("per-thread-pair")),
    SOCKETS("sockets", Set.of("vcpus-per-socket", "max-vcpus")),
    HOST_CORES("host-cores", Set.of("min-per-processor", "min-per-server", "pack")),
    VCPUS_OR_HOST_CORES("vcpus-or-host-cores", Set.of("min", "min-per-processor"));

    final String word;
    final Set<String> parameters;

    Method(String word, Set<String> parameters) {
      this.word = word;
      this.parameters = parameters;
    }

    static Method named(String word) {
      for (Method method : values()) {
        if (method.word.equals(word)) {
          return method;
        }
      }
      return null;
    }
  }

  /** Where a resource runs, as the rules tell places apart. */
  public enum Placement {
    SHARED("shared"),
    DEDICATED("dedicated"),
    HOST("host"),
    RDS("rds");

    final String word;

    Placement(String word) {
      this.word = word;
    }
  }

  /** One rule: where it applies, how it counts, and where it comes from. */
  public record Rule(
      String id,
      String product,
      Set<String> editions,
      String placement,
      String licence,
      Method method,
      Map<String, String> parameters,
      String metric,
      String source,
      String date) {

    /** A whole-number parameter of the method; the file was checked to have it. */
    int number(String name) {
      return Integer.parseInt(parameters.get(name));
    }

    String note() {
      return parameters.getOrDefault("note", "");
    }

    boolean matches(String product, String edition, Placement where, boolean included) {
      return (this.product.equals("*") || this.product.equals(product))
          && (editions.contains("*") || editions.contains(edition))
          && (placement.equals("*") || placement.equals(where.word))
          && (licence.equals("*") || licence.equals(included ? "included" : "byol"));
    }
  }

  private static final Rules BUILT_IN = load();

  private final List<Rule> rules;

  private Rules(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules shipped with the tool. */
  public static Rules builtIn() {
    return BUILT_IN;
  }

  /**
   * The rules in {@code file}.
   *
   * @throws IOException naming the line that is wrong, or why the file cannot be read
   */
  public static Rules read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in);
    }
  }

  public List<Rule> rules() {
    return rules;
  }

  /** The first rule for {@code product} in {@code edition}, placed and licensed so; or null. */
  public Rule match(String product, String edition, Placement where, boolean included) {
    for (Rule rule : rules) {
      if (rule.matches(product, edition, where, included)) {
        return rule;
      }
    }
    return null;
  }

  static Rules read(InputStream in) throws IOException {
    List<TabSeparated.Row> rows = TabSeparated.read(in);
    if (!rows.isEmpty()) {
      String[] first = rows.get(0).cells();
      if (first.length != 2 || !first[0].equals("version") || !first[1].equals(VERSION)) {
        throw new IOException(
            "line " + rows.get(0).line() + ": a rules file starts with the line \"version<TAB>1\"");
      }
    }
    List<Rule> rules = new ArrayList<>();
    for (TabSeparated.Row row : rows.subList(Math.min(1, rows.size()), rows.size())) {
      rules.add(rule(row.cells(), row.line()));
    }
    if (rules.isEmpty()) {
      throw new IOException("the file has no rules");
    }
    return new Rules(rules);
  }

  private static Rule rule(String[] cells, int number) throws IOException {
    if (cells.length != 10) {
      throw new IOException(
          "line "
              + number
              + " has "
              + cells.length
              + " cells; a rule has 10: id, product, edition, placement, licence, method,"
              + " parameters, metric, source, date");
    }
    for (int i = 0; i < cells.length; i++) {
      if (cells[i].isBlank() && i != 6) {
        throw new IOException("line " + number + ": cell " + (i + 1) + " is empty");
      }
    }
    Method method = Method.named(cells[5]);
    if (method == null) {
      throw new IOException("line " + number + ": unknown method " + cells[5]);
    }
    if (!Set.of("*", "shared", "dedicated", "host", "rds").contains(cells[3])) {
      throw new IOException("line " + number + ": unknown placement " + cells[3]);
    }
    if (!Set.of("*", "included", "byol").contains(cells[4])) {
      throw new IOException("line " + number + ": licence is included, byol or *");
    }
    if (!cells[9].matches("\\d{4}-\\d{2}-\\d{2}")) {
      throw new IOException("line " + number + ": the date is YYYY-MM-DD");
    }
    Map<String, String> parameters = parameters(cells[6], method, number);
    return new Rule(
        cells[0],
        cells[1],
        Set.copyOf(Arrays.asList(cells[2].split("\\|"))),
        cells[3],
        cells[4],
        method,
        parameters,
        cells[7],
        cells[8],
        cells[9]);
  }

  private static Map<String, String> parameters(String text, Method method, int number)
      throws IOException {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String pair : text.isBlank() ? new String[0] : text.split(";")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals).trim();
      if (equals < 0 || !method.parameters.contains(name)) {
        throw new IOException(
            "line "
                + number
                + ": "
                + method.word
                + " takes "
                + String.join(", ", method.parameters.stream().sorted().toList())
                + ", not "
                + pair);
      }
      parameters.put(name, pair.substring(equals + 1).trim());
    }
    for (String name : method.parameters) {
      String value = parameters.get(name);
      if (name.equals("note")) {
        continue;
      }
      if (value == null || !value.matches("[1-9]\\d{0,5}")) {
        throw new IOException(
            "line "
                + number
                + ": "
                + method.word
                + " needs "
                + name
                + "=N, a whole number above 0");
      }
    }
    return parameters;
  }

  private static Rules load() {
    try (InputStream in =
        Objects.requireNonNull(
            Rules.class.getResourceAsStream("/licensing/rules.tsv"),
            "licensing/rules.tsv is missing from the build")) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("licensing/rules.tsv: " + e.getMessage(), e);
    }
  }
}
