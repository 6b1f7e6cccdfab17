package io.awsinventory.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every API that lists a target's resources, declared once beside the estate data its items are
 * written from ({@link Ec2Items}, {@link RdsItems}, {@link SsmItems}, {@link LicenseManagerItems}):
 * its action, the dialect its answers and errors speak (EC2 or RDS Query XML, JSON 1.1), how it
 * pages and the list member that holds its items. Faults, paging, the hostile-paging knobs and the
 * answer's frame are applied here, the same way for each. STS and Organizations, which say who the
 * caller is, keep handlers of their own.
 */
final class SimApis {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One call: its target and its parameters, from a Query form or a JSON body. */
  record Call(String account, String region, Map<String, String> form, JsonNode json) {
    String param(String name) {
      return json != null ? json.path(name).asText(null) : form.get(name);
    }
  }

  /** Where an item is written: XML text for the Query services, a new object for JSON ones. */
  record Out(StringBuilder xml, ArrayNode array) {
    ObjectNode object() {
      return array.addObject();
    }
  }

  /** The i-th item of a listing. */
  interface Item {
    void write(int index, Out out);
  }

  /** What one call lists: the whole list's size, its items, and members before the list (JSON). */
  record Listing(int total, Item item, Map<String, String> head) {
    Listing(int total, Item item) {
      this(total, item, Map.of());
    }
  }

  /** The service refuses the call (JSON 1.1 services): its error code and message. */
  static final class Refusal extends RuntimeException {
    final String code;

    Refusal(String code, String message) {
      super(message);
      this.code = code;
    }
  }

  /**
   * How an API pages: the request's token and size parameters, the size's bounds (the largest is
   * also the default), and the answer's token member. {@link #ONE_PAGE} answers all at once.
   */
  record Paging(String token, String size, int min, int max, String next) {
    static final Paging ONE_PAGE = new Paging(null, null, 0, Integer.MAX_VALUE, null);

    static Paging ec2(int max) {
      return new Paging("NextToken", "MaxResults", 5, max, "nextToken");
    }

    static Paging rds() {
      return new Paging("Marker", "MaxRecords", 20, 100, "Marker");
    }

    static Paging json(int max) {
      return new Paging("NextToken", "MaxResults", 1, max, "NextToken");
    }
  }

  /** One API: its action, dialect, paging, list member and the listing a call gets. */
  record Api(
      String action,
      SimDialect dialect,
      Paging paging,
      String list,
      Function<Call, Listing> source) {}

  private final Map<String, Api> apis;
  private final SimConfig config;

  SimApis(SimEstate estate) {
    this.config = estate.config();
    this.apis = new LinkedHashMap<>();
    for (Api api :
        List.of(
                new Ec2Items(estate).apis(),
                new RdsItems(estate).apis(),
                new SsmItems(estate).apis(),
                new LicenseManagerItems(estate).apis())
            .stream()
            .flatMap(List::stream)
            .toList()) {
      apis.put(api.action(), api);
    }
  }

  /** The API of {@code action} in {@code dialect}, or null when the simulator has none. */
  Api api(String action, SimDialect dialect) {
    Api api = apis.get(action);
    return api != null && api.dialect() == dialect ? api : null;
  }

  /** Answers {@code call} of {@code api}: a page of its listing in the API's frame. */
  void answer(HttpExchange exchange, Api api, Call call) throws IOException {
    Listing listing;
    try {
      listing = api.source().apply(call);
    } catch (Refusal refusal) {
      SimDialect.error(exchange, 400, refusal.code, refusal.getMessage());
      return;
    }
    Paging paging = api.paging();
    String target = call.account() + "/" + call.region();
    int from = paging == Paging.ONE_PAGE ? 0 : SimHttp.offset(call.param(paging.token()));
    int size =
        paging == Paging.ONE_PAGE || config.unpagedTargets.contains(target)
            ? Math.max(1, listing.total())
            : SimHttp.pageSize(call.param(paging.size()), paging.min(), paging.max(), paging.max());
    int to = Math.min(listing.total(), from + size);
    // a broken or hostile server answers the first page's token again and again
    String next =
        paging == Paging.ONE_PAGE
            ? null
            : config.repeatingTokenTargets.contains(target)
                ? "sim-0"
                : to < listing.total() ? "sim-" + to : null;
    if (api.dialect().json()) {
      ObjectNode response = JSON.createObjectNode();
      listing.head().forEach(response::put);
      Out out = new Out(null, response.putArray(api.list()));
      for (int i = from; i < to; i++) {
        listing.item().write(i, out);
      }
      if (next != null) {
        response.put(paging.next(), next);
      }
      SimHttp.reply(exchange, 200, "application/x-amz-json-1.1", response.toString());
      return;
    }
    StringBuilder xml = new StringBuilder(Math.max(64, (to - from) * 900));
    xml.append('<').append(api.list()).append('>');
    Out out = new Out(xml, null);
    for (int i = from; i < to; i++) {
      listing.item().write(i, out);
    }
    xml.append("</").append(api.list()).append('>');
    if (next != null) {
      SimXml.element(xml, paging.next(), next);
    }
    SimHttp.xml(
        exchange,
        200,
        api.dialect() == SimDialect.RDS
            ? SimXml.query(SimXml.RDS_NS, api.action(), xml)
            : SimXml.ec2(api.action(), xml));
  }
}
