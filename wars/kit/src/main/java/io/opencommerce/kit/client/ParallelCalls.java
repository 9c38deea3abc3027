package io.opencommerce.kit.client;

import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.tracing.Traces;
import io.opencommerce.kit.web.CurrentRequest;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;

/**
 * Calls to other services made side by side: a request that needs several services (the
 * storefront's composed pages) starts each call here and waits for all of them at once, for a
 * bounded time ({@link #awaitAll}), instead of one after the other.
 *
 * <p>A call is a {@link ServiceClient} method as it is written for a synchronous caller ({@code ()
 * -> orders.order(id)}), invoked through the bean, so every rule of the kit's client applies
 * unchanged: base URL, timeouts, problem+json answers, the bulkhead, circuit breaker and retry of
 * that method. What the request thread knows and the call's thread does not is carried over: the
 * site, correlation id and trace context ({@link ContextPropagation}, {@link Traces}) and the
 * caller's own token ({@link ServiceClient#callerBearer()}), read when the call is submitted.
 *
 * <p>Calls run on threads of their own ({@code platform.calls.parallel.threads}, 32, from the
 * server's managed thread factory, so they have the application's context), never on the server's
 * request executor: a slow service holds these threads, not the ones that serve requests. At most
 * {@code platform.calls.parallel.queue} (64) calls wait for one; past that a call fails at once
 * with a {@link BulkheadException} instead of queueing. So the request threads waiting on calls are
 * never more than the calls in flight, and a request never waits longer than the time it gives
 * {@link #awaitAll}: neither can exhaust the server's executor.
 */
@ApplicationScoped
public class ParallelCalls {
  private static final Logger LOG = Logger.getLogger(ParallelCalls.class.getName());

  /** The request a call is made for, while it runs on a call thread. */
  private static final ThreadLocal<Captured> CAPTURED = new ThreadLocal<>();

  /**
   * What a call made on another thread carries of the request that made it.
   *
   * @param bearer the caller's own {@code Bearer …} token, or null for an anonymous caller
   */
  record Captured(
      String site, String correlationId, String traceparent, String bearer, Object trace) {}

  @Resource ManagedThreadFactory threads;
  @Inject CurrentRequest request;
  @Inject CurrentUser caller;

  @Inject
  @ConfigProperty(name = "platform.calls.parallel.threads", defaultValue = "32")
  int size;

  @Inject
  @ConfigProperty(name = "platform.calls.parallel.queue", defaultValue = "64")
  int queue;

  private ExecutorService pool;

  @PostConstruct
  void start() {
    if (size < 1 || queue < 1) {
      throw new IllegalStateException(
          "platform.calls.parallel.threads and .queue must be at least 1");
    }
    ThreadPoolExecutor executor =
        new ThreadPoolExecutor(
            size,
            size,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queue),
            threads,
            new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
    pool = executor;
  }

  @PreDestroy
  void stop() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /**
   * Calls run on {@code pool} with no request to carry (tools and unit tests); the caller owns the
   * pool and shuts it down.
   */
  public static ParallelCalls on(ExecutorService pool) {
    ParallelCalls calls = new ParallelCalls();
    calls.pool = Objects.requireNonNull(pool);
    return calls;
  }

  /**
   * Starts {@code call} on a call thread with the current request's context; the future completes
   * with its answer or its exception (a refusal as the other service's {@code ProblemException}, a
   * failure as an {@link UpstreamFailure} or a Fault Tolerance exception), or at once with a {@link
   * BulkheadException} when every call thread is busy and the queue is full.
   */
  public <R> CompletableFuture<R> submit(Supplier<R> call) {
    Captured context = capture();
    CompletableFuture<R> result = new CompletableFuture<>();
    try {
      pool.execute(() -> run(context, call, result));
    } catch (RejectedExecutionException e) {
      LOG.fine(() -> "Parallel calls saturated: " + e);
      result.completeExceptionally(
          new BulkheadException("Every thread for calls to other services is busy"));
    }
    return result;
  }

  /**
   * Waits until every call has completed or {@code limit} has passed, whichever comes first; then
   * cancels those still running, so that one still queued is never made. Each call's outcome is
   * then read from its own future (a cancelled one did not answer in time). Null calls are skipped.
   */
  public static void awaitAll(Duration limit, CompletableFuture<?>... calls) {
    CompletableFuture<?>[] started =
        Arrays.stream(calls).filter(Objects::nonNull).toArray(CompletableFuture<?>[]::new);
    if (started.length == 0) {
      return;
    }
    try {
      CompletableFuture.allOf(started).get(Math.max(0, limit.toMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // late calls are cancelled below; failed ones carry their own exception
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (CompletableFuture<?> call : started) {
      if (!call.isDone()) {
        call.cancel(false);
      }
    }
  }

  private static <R> void run(Captured context, Supplier<R> call, CompletableFuture<R> result) {
    if (result.isDone()) {
      return; // the request stopped waiting before a thread was free: the call is not made
    }
    Captured previous = CAPTURED.get();
    CAPTURED.set(context);
    try (AutoCloseable trace = Traces.attach(context == null ? null : context.trace())) {
      result.complete(call.get());
    } catch (Throwable e) {
      result.completeExceptionally(e);
    } finally {
      if (previous == null) {
        CAPTURED.remove();
      } else {
        CAPTURED.set(previous);
      }
    }
  }

  /** The request the current call thread works for; null on any other thread. */
  static Captured captured() {
    return CAPTURED.get();
  }

  private Captured capture() {
    Captured current = CAPTURED.get();
    if (current != null) {
      return current; // a call submitting another one: the same request
    }
    if (request == null) {
      return null;
    }
    return new Captured(
        request.site(),
        request.correlationId(),
        request.traceparent(),
        bearerOf(caller),
        Traces.capture());
  }

  /** The caller's token as an {@code Authorization} value; null when anonymous or off-request. */
  static String bearerOf(CurrentUser caller) {
    try {
      var token = caller == null ? null : caller.token();
      return token == null ? null : "Bearer " + token.getRawToken();
    } catch (ContextNotActiveException e) {
      return null;
    }
  }
}
