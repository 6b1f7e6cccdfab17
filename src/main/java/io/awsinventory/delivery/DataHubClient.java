package io.awsinventory.delivery;

import io.awsinventory.Secrets;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Data Hub's upload API ({@code POST /v1/Tasks/{taskId}/data?mode=replace|append}, header
 * {@code X-Api-Key}, the file as {@code multipart/form-data}): one file streamed from disk per
 * request, retried with back-off and jitter on 429, 5xx, time-outs and refused connections.
 */
final class DataHubClient {
  /** Attempts of one upload, the first included. */
  static final int ATTEMPTS = 4;

  private static final String FILE_FIELD = "file";

  private final URI base;
  private final HttpClient http;
  private final Duration firstBackOff;

  DataHubClient(URI base, Duration firstBackOff) {
    this.base = base;
    this.firstBackOff = firstBackOff;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** What one upload came to: the last HTTP status (0 if none came), attempts, and any error. */
  record Answer(int status, int attempts, String error) {
    boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  Answer upload(String taskId, String key, String mode, Path file) throws InterruptedException {
    String boundary = "aws-inventory-" + UUID.randomUUID();
    String name = file.getFileName().toString();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\""
                + FILE_FIELD
                + "\"; filename=\""
                + name
                + "\"\r\nContent-Type: "
                + contentType(name)
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    URI uri = base.resolve("v1/Tasks/" + taskId + "/data?mode=" + mode);
    int attempt = 0;
    String error = null;
    int status = 0;
    while (attempt < ATTEMPTS) {
      attempt++;
      try {
        HttpRequest request =
            HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(10))
                .header("X-Api-Key", key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(
                    HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        status = response.statusCode();
        if (status >= 200 && status < 300) {
          return new Answer(status, attempt, null);
        }
        error = refusal(status, taskId, response.body());
        if (status != 429 && status < 500) {
          return new Answer(status, attempt, error);
        }
      } catch (IOException e) {
        status = 0;
        error = unreachable(e);
      }
      if (attempt < ATTEMPTS) {
        backOff(attempt);
      }
    }
    return new Answer(status, attempt, error);
  }

  /** A read-only look at a task ({@code GET /v1/Tasks/{taskId}}): reachability and the key. */
  Answer probe(String taskId, String key) throws InterruptedException {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(base.resolve("v1/Tasks/" + taskId))
                  .timeout(Duration.ofSeconds(30))
                  .header("X-Api-Key", key)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      return new Answer(status, 1, status < 300 ? null : refusal(status, taskId, response.body()));
    } catch (IOException e) {
      return new Answer(0, 1, unreachable(e));
    }
  }

  private void backOff(int attempt) throws InterruptedException {
    long most = firstBackOff.toMillis() << (attempt - 1);
    Thread.sleep(most / 2 + ThreadLocalRandom.current().nextLong(most / 2 + 1));
  }

  static String contentType(String fileName) {
    return fileName.endsWith(".csv") ? "text/csv" : "application/json";
  }

  /** What the Data Hub's refusal means, in one line, its answer masked. */
  private static String refusal(int status, String taskId, String body) {
    String said = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    if (said.length() > 200) {
      said = said.substring(0, 200) + "...";
    }
    said = said.isEmpty() ? "" : ": " + Secrets.redact(said);
    return switch (status) {
      case 400 ->
          "HTTP 400: task " + taskId + " is not a container task, or refused the file" + said;
      case 401, 403 -> "HTTP " + status + ": the API key was refused for task " + taskId + said;
      case 404 -> "HTTP 404: the Data Hub has no task " + taskId + said;
      case 429 -> "HTTP 429: the Data Hub asked to slow down" + said;
      default -> "HTTP " + status + said;
    };
  }

  private static String unreachable(IOException e) {
    if (e instanceof HttpTimeoutException) {
      return "the Data Hub did not answer in time";
    }
    if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
      return "the Data Hub could not be reached (connection refused)";
    }
    return "the Data Hub could not be reached: " + Secrets.redact(String.valueOf(e.getMessage()));
  }

  static long size(Path file) throws IOException {
    return Files.size(file);
  }
}
