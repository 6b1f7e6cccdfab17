package io.awsinventory.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.awsinventory.sim.SimEstate.SimAccount;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * S3, path-style, for one bucket: the Resource Data Sync of the estate's managed nodes, laid out as
 * Systems Manager writes it ({@code PREFIX/AWS:Application/accountid=A/region=R/
 * resourcetype=ManagedInstanceInventory/NODE.json}, one JSON object per application, one to a line,
 * with the sync's lower-case member names). HeadBucket, ListObjectsV2 and GetObject; the objects
 * are made when asked for, so a sync of millions of rows costs no memory.
 */
final class S3Handler {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TYPE = "AWS:Application";

  private final SimConfig config;
  private final SimEstate estate;
  private final SimStats stats;

  S3Handler(SimConfig config, SimEstate estate, SimStats stats) {
    this.config = config;
    this.estate = estate;
    this.stats = stats;
  }

  void handle(HttpExchange exchange, String account) throws IOException {
    String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
    String rest = path.startsWith("/") ? path.substring(1) : path;
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String key = slash < 0 ? "" : rest.substring(slash + 1);
    Map<String, String> query =
        SimHttp.parseForm(
            exchange.getRequestURI().getRawQuery() == null
                ? ""
                : exchange.getRequestURI().getRawQuery());
    String api =
        exchange.getRequestMethod().equals("HEAD")
            ? "HeadBucket"
            : key.isEmpty() ? "ListObjectsV2" : "GetObject";
    stats.count(api, account, "us-east-1");
    SimHttp.sleep(config.latency);
    if (account == null) {
      error(
          exchange, 403, "InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist");
      return;
    }
    if (config.deniedApis.contains(api) || config.deniedAccounts.contains(account)) {
      stats.denied.increment();
      error(exchange, 403, "AccessDenied", "Access Denied");
      return;
    }
    if (config.syncBucket == null || !config.syncBucket.equals(bucket)) {
      if (api.equals("HeadBucket")) {
        exchange.sendResponseHeaders(404, -1);
        exchange.close();
      } else {
        error(exchange, 404, "NoSuchBucket", "The specified bucket does not exist");
      }
      return;
    }
    switch (api) {
      case "HeadBucket" -> {
        exchange.getResponseHeaders().set("x-amz-bucket-region", "us-east-1");
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
      }
      case "ListObjectsV2" -> list(exchange, bucket, query);
      default -> get(exchange, key);
    }
  }

  private String folder() {
    String prefix = config.syncPrefix;
    return (prefix.isEmpty() ? "" : prefix + "/") + TYPE + "/";
  }

  private String targetFolder(String account, String region) {
    return folder() + "accountid=" + account + "/region=" + region + "/";
  }

  private void list(HttpExchange exchange, String bucket, Map<String, String> query)
      throws IOException {
    String prefix = query.getOrDefault("prefix", "");
    int from = SimHttp.offset(query.get("continuation-token"));
    int max = Integer.parseInt(query.getOrDefault("max-keys", "1000"));
    List<String> keys = new ArrayList<>();
    for (SimAccount account : estate.accounts()) {
      if (!account.active()) {
        continue;
      }
      for (String region : estate.enabledRegions(account.id())) {
        String folder = targetFolder(account.id(), region);
        if (!folder.startsWith(prefix) && !prefix.startsWith(folder)) {
          continue;
        }
        for (int i = 0; i < estate.nodeCount(account.id(), region); i++) {
          String node = estate.nodeId(account.id(), region, i);
          String key = folder + "resourcetype=ManagedInstanceInventory/" + node + ".json";
          if (key.startsWith(prefix)) {
            keys.add(key);
          }
        }
      }
    }
    keys.sort(null);
    int to = Math.min(keys.size(), from + max);
    StringBuilder out =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
            .append("<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
    SimXml.element(out, "Name", bucket);
    SimXml.element(out, "Prefix", prefix);
    SimXml.element(out, "KeyCount", to - from);
    SimXml.element(out, "MaxKeys", max);
    SimXml.element(out, "IsTruncated", to < keys.size());
    for (int i = from; i < to; i++) {
      out.append("<Contents>");
      SimXml.element(out, "Key", keys.get(i));
      SimXml.element(out, "LastModified", "2024-06-07T08:09:10.000Z");
      SimXml.element(out, "Size", 1024);
      SimXml.element(out, "StorageClass", "STANDARD");
      out.append("</Contents>");
    }
    if (to < keys.size()) {
      SimXml.element(out, "NextContinuationToken", "sim-" + to);
    }
    out.append("</ListBucketResult>");
    SimHttp.xml(exchange, 200, out.toString());
  }

  private void get(HttpExchange exchange, String key) throws IOException {
    // accountid=A/region=R/resourcetype=…/NODE.json under the type's folder
    if (!key.startsWith(folder())) {
      error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
      return;
    }
    String[] parts = key.substring(folder().length()).split("/");
    if (parts.length != 4 || !parts[3].endsWith(".json")) {
      error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
      return;
    }
    String account = parts[0].substring("accountid=".length());
    String region = parts[1].substring("region=".length());
    String node = parts[3].substring(0, parts[3].length() - ".json".length());
    StringBuilder body = new StringBuilder();
    for (Map<String, String> application : estate.nodeApplications(account, region, node)) {
      ObjectNode line = JSON.createObjectNode();
      application.forEach((name, value) -> line.put(name.toLowerCase(), value));
      line.put("resourceid", node)
          .put("capturetime", "2024-06-07T08:09:10Z")
          .put("schemaversion", "1.1")
          .put("accountid", account)
          .put("region", region)
          .put("resourcetype", node.startsWith("mi-") ? "ManagedInstance" : "EC2Instance");
      body.append(JSON.writeValueAsString(line)).append('\n');
    }
    SimHttp.reply(exchange, 200, "application/octet-stream", body.toString());
  }

  private static void error(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    SimHttp.xml(
        exchange,
        status,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
            + code
            + "</Code><Message>"
            + SimXml.escape(message)
            + "</Message><RequestId>sim-request</RequestId></Error>");
  }
}
