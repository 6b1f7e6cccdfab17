package io.awsinventory.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bare client of a running simulator, for the benchmark: {@code threads} threads each send one
 * Organizations {@code ListAccounts} after the other (an answer of a page of accounts after the
 * simulator's latency, never throttled) over kept-alive connections for {@code seconds}, and the
 * mean round trip is printed. It tells what a call costs on this machine's loopback and the
 * simulator's HTTP server beyond the latency it is set to, with no SDK, signing or record writing
 * on the client's side: the pace no collector can pass here.
 *
 * <pre>
 * java -cp target/test-classes io.awsinventory.sim.RoundTripProbe URL ACCESS_KEY THREADS SECONDS
 * </pre>
 *
 * <p>Prints {@code probe: threads=N calls=N mean_ms=F calls_per_s=F}; the first second's calls (the
 * client's own start) are left out of the figures.
 */
public final class RoundTripProbe {
  private RoundTripProbe() {}

  public static void main(String[] args) throws InterruptedException {
    URI endpoint = URI.create(args[0]);
    String accessKey = args[1];
    int threads = Integer.parseInt(args[2]);
    long seconds = Long.parseLong(args[3]);
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .header("Content-Type", "application/x-amz-json-1.1")
            .header("X-Amz-Target", "AWSOrganizationsV20161128.ListAccounts")
            .header(
                "Authorization",
                "AWS4-HMAC-SHA256 Credential="
                    + accessKey
                    + "/20260101/us-east-1/organizations/aws4_request,"
                    + " SignedHeaders=host, Signature=0")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    long start = System.nanoTime();
    long counted = start + 1_000_000_000L;
    long end = start + (seconds + 1) * 1_000_000_000L;
    AtomicLong calls = new AtomicLong();
    AtomicLong nanos = new AtomicLong();
    AtomicLong failures = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      Thread worker =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  long sent = System.nanoTime();
                  try {
                    int status =
                        client.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                    if (status != 200) {
                      failures.incrementAndGet();
                    }
                  } catch (Exception e) {
                    failures.incrementAndGet();
                  }
                  if (sent >= counted) {
                    calls.incrementAndGet();
                    nanos.addAndGet(System.nanoTime() - sent);
                  }
                }
              });
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    long n = Math.max(1, calls.get());
    System.out.printf(
        "probe: threads=%d calls=%d mean_ms=%.2f calls_per_s=%.0f failures=%d%n",
        threads,
        calls.get(),
        nanos.get() / 1e6 / n,
        calls.get() / (double) seconds,
        failures.get());
  }
}
