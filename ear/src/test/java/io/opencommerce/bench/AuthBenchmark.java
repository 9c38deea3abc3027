package io.opencommerce.bench;

import io.opencommerce.it.support.Platform;
import io.opencommerce.it.support.Platform.Session;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Measures the auth service on a running platform (loopback only, bounded in time) and prints a
 * report: logins (Argon2id verification, token signing, audit and outbox writes) and authenticated
 * reads with many distinct tokens (JWT verification from the JWK set plus the Redis revocation
 * check on every request — one token would only measure Liberty's token cache).
 *
 * <p>Run against {@code liberty-config/local/platform up}:
 *
 * <pre>
 * mvn -q -pl ear test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.opencommerce.bench.AuthBenchmark [-Dbench.users=200 -Dbench.seconds=20 -Dbench.threads=16]
 * </pre>
 */
public final class AuthBenchmark {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private AuthBenchmark() {}

  public static void main(String[] args) throws Exception {
    int users = Integer.getInteger("bench.users", 200);
    int seconds = Integer.getInteger("bench.seconds", 20);
    int threads = Integer.getInteger("bench.threads", 16);
    int warmup = Integer.getInteger("bench.warmup", 5);
    System.out.printf(
        "Auth benchmark against %s: %d users, %d threads, %d s per phase after %d s of warm-up%n",
        Platform.BASE, users, threads, seconds, warmup);

    List<Session> sessions = new ArrayList<>();
    for (int i = 0; i < users; i++) {
      sessions.add(Platform.registerAndLogin("bench"));
    }
    String[] tokens = sessions.stream().map(Session::accessToken).toArray(String[]::new);
    String[] emails = sessions.stream().map(Session::email).toArray(String[]::new);

    report(
        "login (POST /sessions)",
        measure(
            threads,
            warmup,
            Math.min(seconds, 10),
            i ->
                HttpRequest.newBuilder(URI.create(Platform.AUTH + "/sessions"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            Platform.loginJson(emails[i % emails.length], Platform.PASSWORD)))
                    .build()));
    report(
        "authenticated read (GET /users/me), " + tokens.length + " distinct tokens",
        measure(
            threads,
            warmup,
            seconds,
            i ->
                HttpRequest.newBuilder(URI.create(Platform.AUTH + "/users/me"))
                    .header("Authorization", "Bearer " + tokens[i % tokens.length])
                    .GET()
                    .build()));
    report(
        "public read (GET /jwks)",
        measure(
            threads,
            warmup,
            seconds,
            i -> HttpRequest.newBuilder(URI.create(Platform.AUTH + "/jwks")).GET().build()));
  }

  /** Runs a phase unmeasured first: the server's thread pool and JIT settle before it counts. */
  private static Result measure(
      int threads, int warmup, int seconds, IntFunction<HttpRequest> request) throws Exception {
    if (warmup > 0) {
      run(threads, warmup, request);
    }
    return run(threads, seconds, request);
  }

  /** What one phase measured. */
  record Result(long requests, long errors, double seconds, long[] micros) {}

  private static Result run(int threads, int seconds, IntFunction<HttpRequest> request)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    AtomicLong errors = new AtomicLong();
    List<Future<List<Long>>> workers = new ArrayList<>();
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      workers.add(
          pool.submit(
              () -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < deadline) {
                  HttpRequest next = request.apply(ThreadLocalRandom.current().nextInt(1 << 20));
                  long sent = System.nanoTime();
                  HttpResponse<Void> reply =
                      HTTP.send(next, HttpResponse.BodyHandlers.discarding());
                  latencies.add((System.nanoTime() - sent) / 1000);
                  if (reply.statusCode() >= 400) {
                    errors.incrementAndGet();
                  }
                }
                return latencies;
              }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<List<Long>> worker : workers) {
      all.addAll(worker.get());
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    long[] micros = all.stream().mapToLong(Long::longValue).sorted().toArray();
    return new Result(micros.length, errors.get(), elapsed, micros);
  }

  private static void report(String name, Result result) {
    long[] m = result.micros();
    System.out.printf(
        "%n%s%n  requests %d, errors %d, %.1f s%n  throughput %.0f req/s%n"
            + "  latency ms: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n",
        name,
        result.requests(),
        result.errors(),
        result.seconds(),
        result.requests() / result.seconds(),
        percentile(m, 50),
        percentile(m, 90),
        percentile(m, 99),
        m.length == 0 ? 0 : m[m.length - 1] / 1000.0);
  }

  private static double percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1000.0;
  }
}
