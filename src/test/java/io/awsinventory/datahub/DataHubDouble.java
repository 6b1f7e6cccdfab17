package io.awsinventory.datahub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the Data Hub's data API, as its user guide documents it ("Pushing Data to
 * Container Tasks"): {@code POST /v1/Tasks/{taskId}/data?mode=replace|append} with the key in
 * {@code X-Api-Key} and the file as {@code multipart/form-data} (CSV or JSON); only container tasks
 * take data, others answer 400. {@code GET /v1/Tasks/{taskId}} answers a task's id and type. Each
 * task keeps its table's row count; the body is streamed and counted, never held whole (the last
 * upload of a task is kept when small). Failures can be scripted per task (500 or 429 N times).
 */
public final class DataHubDouble implements AutoCloseable {
  private static final Pattern DATA = Pattern.compile("/v1/Tasks/([^/]+)/data");
  private static final Pattern TASK = Pattern.compile("/v1/Tasks/([^/]+)");
  private static final int KEPT = 16 << 20;

  /** One task: its type, the key scoped to its table, and the table's rows. */
  public static final class Task {
    final String type;
    final String key;
    volatile long rows;
    volatile int uploads;
    volatile String lastMode;
    volatile String lastFileName;
    volatile byte[] lastFile;

    Task(String type, String key) {
      this.type = type;
      this.key = key;
    }

    public long rows() {
      return rows;
    }

    public int uploads() {
      return uploads;
    }

    public String lastMode() {
      return lastMode;
    }

    public String lastFileName() {
      return lastFileName;
    }

    public String lastFile() {
      return lastFile == null ? null : new String(lastFile, StandardCharsets.UTF_8);
    }
  }

  /** What one request was: its method, path, query and the status it got. */
  public record Request(String method, String path, String query, int status) {}

  private final HttpServer server;
  private final Map<String, Task> tasks = new ConcurrentHashMap<>();
  private final Map<String, List<Integer>> scripted = new ConcurrentHashMap<>();
  private final List<Request> requests = java.util.Collections.synchronizedList(new ArrayList<>());

  private DataHubDouble(HttpServer server) {
    this.server = server;
  }

  public static DataHubDouble start() throws IOException {
    return start(0);
  }

  public static DataHubDouble start(int port) throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    DataHubDouble hub = new DataHubDouble(server);
    server.createContext("/", hub::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
    return hub;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Adds a task of {@code type} ("Container", "Import", ...) whose table takes {@code key}. */
  public DataHubDouble task(String id, String type, String key) {
    tasks.put(id, new Task(type, key));
    return this;
  }

  public Task task(String id) {
    return tasks.get(id);
  }

  /** The next uploads to {@code id} get these statuses (500, 429, ...) before it takes one. */
  public DataHubDouble fail(String id, Integer... statuses) {
    scripted.put(id, java.util.Collections.synchronizedList(new ArrayList<>(List.of(statuses))));
    return this;
  }

  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String query = exchange.getRequestURI().getQuery();
    int status;
    String answer;
    try (exchange) {
      Matcher data = DATA.matcher(path);
      Matcher task = TASK.matcher(path);
      if (exchange.getRequestMethod().equals("POST") && data.matches()) {
        String[] result = upload(exchange, data.group(1), query);
        status = Integer.parseInt(result[0]);
        answer = result[1];
      } else if (exchange.getRequestMethod().equals("GET") && task.matches()) {
        Task t = tasks.get(task.group(1));
        String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
        if (t == null) {
          status = 404;
          answer = "{\"error\":\"no such task\"}";
        } else if (!t.key.equals(key)) {
          status = 401;
          answer = "{\"error\":\"invalid API key\"}";
        } else {
          status = 200;
          answer = "{\"id\":\"" + task.group(1) + "\",\"type\":\"" + t.type + "\"}";
        }
      } else {
        status = 404;
        answer = "{\"error\":\"not found\"}";
      }
      drain(exchange.getRequestBody());
      // recorded before the answer leaves, so a client that has its answer finds its request here
      requests.add(new Request(exchange.getRequestMethod(), path, query, status));
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private String[] upload(HttpExchange exchange, String id, String query) throws IOException {
    Task task = tasks.get(id);
    String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
    if (task == null) {
      return new String[] {"404", "{\"error\":\"no such task\"}"};
    }
    if (!task.key.equals(key)) {
      return new String[] {"401", "{\"error\":\"invalid API key\"}"};
    }
    if (!task.type.equals("Container")) {
      return new String[] {"400", "{\"error\":\"only container tasks take data\"}"};
    }
    List<Integer> script = scripted.get(id);
    if (script != null && !script.isEmpty()) {
      return new String[] {String.valueOf(script.remove(0)), "{\"error\":\"scripted\"}"};
    }
    Map<String, String> params = new HashMap<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    String mode = params.getOrDefault("mode", "replace");
    if (!mode.equals("replace") && !mode.equals("append")) {
      return new String[] {"400", "{\"error\":\"mode is replace or append\"}"};
    }
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    Matcher boundary =
        Pattern.compile("multipart/form-data; *boundary=(.+)").matcher(String.valueOf(type));
    if (!boundary.matches()) {
      return new String[] {"400", "{\"error\":\"expected multipart/form-data\"}"};
    }
    Part part =
        readPart(
            new java.io.BufferedInputStream(exchange.getRequestBody(), 1 << 16), boundary.group(1));
    if (part == null) {
      return new String[] {"400", "{\"error\":\"no file field\"}"};
    }
    synchronized (task) {
      task.rows = mode.equals("replace") ? part.rows : task.rows + part.rows;
      task.uploads++;
      task.lastMode = mode;
      task.lastFileName = part.fileName;
      task.lastFile = part.kept;
    }
    return new String[] {"200", "{\"rowsImported\":" + part.rows + "}"};
  }

  private record Part(String fileName, long bytes, long rows, byte[] kept) {}

  /**
   * Reads the part named {@code file}: its headers, then its content streamed up to the closing
   * boundary, its rows counted (CSV: line ends outside quotes, less the header; JSON: the objects
   * of the top-level array).
   */
  private static Part readPart(InputStream in, String boundary) throws IOException {
    byte[] head = readUntil(in, "\r\n\r\n".getBytes(StandardCharsets.UTF_8), 8192);
    if (head == null) {
      return null;
    }
    String headers = new String(head, StandardCharsets.UTF_8);
    if (!headers.contains("name=\"file\"")) {
      return null;
    }
    Matcher name = Pattern.compile("filename=\"([^\"]*)\"").matcher(headers);
    String fileName = name.find() ? name.group(1) : "";
    boolean csv = fileName.endsWith(".csv");
    byte[] end = ("\r\n--" + boundary).getBytes(StandardCharsets.UTF_8);
    Counter counter = new Counter(csv);
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    byte[] buffer = new byte[(1 << 16) + end.length];
    int carried = 0;
    long bytes = 0;
    while (true) {
      int read = in.read(buffer, carried, buffer.length - carried);
      if (read < 0) {
        return null;
      }
      int length = carried + read;
      int at = indexOf(buffer, length, end);
      // what cannot be the start of the closing boundary is content
      int content = at >= 0 ? at : Math.max(0, length - (end.length - 1));
      for (int i = 0; i < content; i++) {
        counter.take(buffer[i]);
      }
      if (kept.size() < KEPT) {
        kept.write(buffer, 0, Math.min(content, KEPT - kept.size()));
      }
      bytes += content;
      if (at >= 0) {
        return new Part(fileName, bytes, counter.rows(), bytes <= KEPT ? kept.toByteArray() : null);
      }
      System.arraycopy(buffer, content, buffer, 0, length - content);
      carried = length - content;
    }
  }

  private static int indexOf(byte[] buffer, int length, byte[] marker) {
    outer:
    for (int i = 0; i + marker.length <= length; i++) {
      for (int j = 0; j < marker.length; j++) {
        if (buffer[i + j] != marker[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Counts records as the bytes pass. */
  private static final class Counter {
    private final boolean csv;
    private boolean quoted;
    private boolean escaped;
    private int depth;
    private long lines;
    private long objects;
    private boolean lineHasData;

    Counter(boolean csv) {
      this.csv = csv;
    }

    void take(byte b) {
      if (csv) {
        if (b == '"') {
          quoted = !quoted;
        } else if (b == '\n' && !quoted) {
          lines++;
          lineHasData = false;
          return;
        }
        if (b != '\r') {
          lineHasData = true;
        }
        return;
      }
      if (quoted) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          quoted = false;
        }
        return;
      }
      if (b == '"') {
        quoted = true;
      } else if (b == '{' || b == '[') {
        if (b == '{' && depth == 1) {
          objects++;
        }
        depth++;
      } else if (b == '}' || b == ']') {
        depth--;
      }
    }

    long rows() {
      if (!csv) {
        return objects;
      }
      long rows = lines + (lineHasData ? 1 : 0);
      return Math.max(0, rows - 1);
    }
  }

  private static byte[] readUntil(InputStream in, byte[] marker, int most) throws IOException {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && seen.size() < most) {
      seen.write(b);
      byte[] so = seen.toByteArray();
      if (so.length >= marker.length
          && java.util.Arrays.equals(
              so, so.length - marker.length, so.length, marker, 0, marker.length)) {
        return so;
      }
    }
    return null;
  }

  private static void drain(InputStream in) throws IOException {
    in.transferTo(OutputStream.nullOutputStream());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** Runs the double on a port for the benchmark: {@code DataHubDouble PORT TASK=KEY ...}. */
  public static void main(String[] args) throws Exception {
    DataHubDouble hub = start(Integer.parseInt(args[0]));
    for (int i = 1; i < args.length; i++) {
      String[] pair = args[i].split("=", 2);
      hub.task(pair[0], "Container", pair[1]);
    }
    System.out.println("listening on " + hub.url());
    System.out.flush();
    Thread.currentThread().join();
  }
}
