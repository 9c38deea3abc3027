package io.opencommerce.bench;

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
 * Drives one benchmark phase: client threads send requests for a fixed time (after an unmeasured
 * warm-up), and the report gives throughput and latency percentiles. Loopback only, bounded in
 * time.
 */
final class LoadRunner {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private LoadRunner() {}

  /** Runs a phase unmeasured first: the server's thread pool and JIT settle before it counts. */
  static Result measure(int threads, int warmup, int seconds, IntFunction<HttpRequest> request)
      throws Exception {
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

  static void report(String name, Result result) {
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
