package io.opencommerce.bench;

import io.opencommerce.bench.Api.Answer;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Drives load: a timed phase (virtual users, one per thread, repeat their iteration through an
 * unmeasured warm-up and a measured window) or a burst (a fixed list of requests fired together).
 * Only answers that arrive inside the window count; an answer the scenario expects is timed, a 503
 * with {@code Retry-After} counts as shed, anything else (including no answer) as an error.
 */
final class Load {
  private Load() {}

  /** One virtual user: any unmeasured preparation, then its measured requests through the meter. */
  @FunctionalInterface
  interface VirtualUser {
    void iterate(Meter meter) throws Exception;
  }

  /** What a phase or a burst measured. Throughput counts expected answers only. */
  record Result(
      String scenario,
      int concurrency,
      double perSecond,
      long[] micros,
      long shed,
      long errors,
      Map<String, Long> errorKinds,
      Map<String, Long> preparationFailures) {}

  static Result run(
      Api api,
      String scenario,
      int concurrency,
      Duration warmup,
      Duration measured,
      IntPredicate expected,
      IntFunction<VirtualUser> users)
      throws InterruptedException {
    long from = System.nanoTime() + warmup.toNanos();
    long to = from + measured.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency, threads(scenario));
    try {
      List<Future<Meter>> workers = new ArrayList<>();
      for (int w = 0; w < concurrency; w++) {
        VirtualUser user = users.apply(w);
        workers.add(pool.submit(() -> drive(user, new Meter(api, expected, from, to), to)));
      }
      Meter total = new Meter(api, expected, from, to);
      for (Future<Meter> worker : workers) {
        total.add(worker.get());
      }
      return total.result(scenario, concurrency, measured);
    } catch (ExecutionException e) {
      throw new IllegalStateException(scenario + " failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static Meter drive(VirtualUser user, Meter meter, long until)
      throws InterruptedException {
    while (System.nanoTime() < until) {
      try {
        user.iterate(meter);
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        // The preparation failed (the measured request records its own failures): say so, and
        // do not spin on a server that is away.
        meter.preparationFailures.merge(describe(e), 1L, Long::sum);
        Thread.sleep(50);
      }
    }
    return meter;
  }

  /** Answers to requests fired together, {@code concurrency} at a time. */
  record Burst(List<Answer> answers, long[] micros, double seconds) {
    Result result(String scenario, int concurrency, IntPredicate expected) {
      Meter meter = new Meter(null, expected, Long.MIN_VALUE, Long.MAX_VALUE);
      for (int i = 0; i < answers.size(); i++) {
        meter.record(answers.get(i), micros[i]);
      }
      return meter.result(scenario, concurrency, seconds);
    }
  }

  /**
   * Sends every request, {@code concurrency} at a time; the first {@code concurrency} leave
   * together once all their threads are ready.
   */
  static Burst burst(Api api, String name, int concurrency, List<HttpRequest> requests)
      throws InterruptedException {
    int threads = Math.min(concurrency, requests.size());
    ExecutorService pool = Executors.newFixedThreadPool(threads, threads(name));
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch go = new CountDownLatch(1);
    Answer[] answers = new Answer[requests.size()];
    long[] micros = new long[requests.size()];
    try {
      List<Future<?>> sent = new ArrayList<>();
      for (int i = 0; i < requests.size(); i++) {
        int index = i;
        sent.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  long start = System.nanoTime();
                  answers[index] = send(api, requests.get(index));
                  micros[index] = (System.nanoTime() - start) / 1000;
                  return null;
                }));
      }
      ready.await();
      long start = System.nanoTime();
      go.countDown();
      for (Future<?> request : sent) {
        request.get();
      }
      return new Burst(List.of(answers), micros, (System.nanoTime() - start) / 1e9);
    } catch (ExecutionException e) {
      throw new IllegalStateException(name + " failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The answer, or a status-0 stand-in naming the exception when none came. */
  private static Answer send(Api api, HttpRequest request) throws InterruptedException {
    try {
      return api.exchange(request);
    } catch (IOException e) {
      return new Answer(0, e.getClass().getSimpleName(), HttpHeaders.of(Map.of(), (k, v) -> true));
    }
  }

  private static String describe(Exception e) {
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    return e.getClass().getSimpleName()
        + (message.length() > 120 ? message.substring(0, 120) : message);
  }

  private static ThreadFactory threads(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "bench " + name + " #" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /** Times one virtual user's measured requests (one thread; merged after the phase). */
  static final class Meter {
    private final Api api;
    private final IntPredicate expected;
    private final long from;
    private final long to;
    private final Samples micros = new Samples();
    private final Map<String, Long> errorKinds = new TreeMap<>();
    private final Map<String, Long> preparationFailures = new TreeMap<>();
    private long shed;
    private long errors;

    private Meter(Api api, IntPredicate expected, long from, long to) {
      this.api = api;
      this.expected = expected;
      this.from = from;
      this.to = to;
    }

    /**
     * Sends a measured request. Never throws for a missing answer: that comes back as status 0 (and
     * counts as an error), so the caller only looks at the status.
     */
    Answer send(HttpRequest request) throws InterruptedException {
      long start = System.nanoTime();
      Answer answer = Load.send(api, request);
      long end = System.nanoTime();
      if (end >= from && end < to) {
        record(answer, (end - start) / 1000);
      }
      return answer;
    }

    /** Whether a request sent now would still be in the warm-up. */
    boolean warmingUp() {
      return System.nanoTime() < from;
    }

    private void record(Answer answer, long latencyMicros) {
      if (expected.test(answer.status())) {
        micros.add(latencyMicros);
      } else if (answer.isShed()) {
        shed++;
      } else {
        errors++;
        errorKinds.merge(answer.describe(), 1L, Long::sum);
      }
    }

    private void add(Meter other) {
      micros.addAll(other.micros);
      shed += other.shed;
      errors += other.errors;
      other.errorKinds.forEach((kind, n) -> errorKinds.merge(kind, n, Long::sum));
      other.preparationFailures.forEach((kind, n) -> preparationFailures.merge(kind, n, Long::sum));
    }

    private Result result(String scenario, int concurrency, Duration window) {
      return result(scenario, concurrency, window.toNanos() / 1e9);
    }

    private Result result(String scenario, int concurrency, double seconds) {
      long[] sorted = micros.sorted();
      return new Result(
          scenario,
          concurrency,
          sorted.length / seconds,
          sorted,
          shed,
          errors,
          Collections.unmodifiableMap(new TreeMap<>(errorKinds)),
          Collections.unmodifiableMap(new TreeMap<>(preparationFailures)));
    }
  }
}
