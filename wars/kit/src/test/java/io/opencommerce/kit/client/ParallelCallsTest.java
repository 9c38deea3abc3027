package io.opencommerce.kit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.kit.security.CurrentUser;
import io.opencommerce.kit.web.CurrentRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParallelCallsTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private ExecutorService pool;

  @BeforeEach
  void setUp() {
    pool = Executors.newFixedThreadPool(4);
  }

  @AfterEach
  void tearDown() {
    release.countDown();
    pool.shutdownNow();
  }

  /** A request on site {@code shop-b} by a caller whose raw token is {@code token-1}. */
  private ParallelCalls forARequest() {
    ParallelCalls calls = ParallelCalls.on(pool);
    calls.request =
        new CurrentRequest() {
          @Override
          public String site() {
            return "shop-b";
          }

          @Override
          public String correlationId() {
            return "corr-1";
          }

          @Override
          public String traceparent() {
            return "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
          }
        };
    calls.caller =
        new CurrentUser() {
          @Override
          public JsonWebToken token() {
            return new JsonWebToken() {
              @Override
              public String getName() {
                return "ada@example.com";
              }

              @Override
              public Set<String> getClaimNames() {
                return Set.of("raw_token");
              }

              @Override
              @SuppressWarnings("unchecked")
              public <T> T getClaim(String claim) {
                return "raw_token".equals(claim) ? (T) "token-1" : null;
              }
            };
          }
        };
    return calls;
  }

  /** A client of no real service, to read what its calls would carry. */
  private static final class Probe extends ServiceClient<Object> {
    Probe() {
      super(Object.class, "probe");
    }

    String bearer() {
      return callerBearer();
    }
  }

  @Test
  void aCallRunsOnAnotherThreadWithTheRequestThatStartedIt() {
    ParallelCalls calls = forARequest();
    Thread caller = Thread.currentThread();
    Probe probe = new Probe();

    CompletableFuture<List<Object>> seen =
        calls.submit(
            () -> {
              ParallelCalls.Captured context = ParallelCalls.captured();
              return List.of(
                  Thread.currentThread() != caller,
                  context.site(),
                  context.correlationId(),
                  context.traceparent(),
                  probe.bearer());
            });

    assertThat(seen.join())
        .containsExactly(
            true,
            "shop-b",
            "corr-1",
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            "Bearer token-1");
    assertThat(ParallelCalls.captured()).isNull();
  }

  @Test
  void aCallStartedFromACallCarriesTheSameRequest() {
    ParallelCalls calls = forARequest();

    CompletableFuture<String> nested =
        calls.submit(() -> calls.submit(() -> ParallelCalls.captured().site()).join());

    assertThat(nested.join()).isEqualTo("shop-b");
  }

  @Test
  void theCallsThreadForgetsTheRequestAfterwards() throws Exception {
    ParallelCalls calls = forARequest();
    calls.submit(() -> "first").join();

    List<Object> seen = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      seen.add(pool.submit(ParallelCalls::captured).get(5, TimeUnit.SECONDS));
    }

    assertThat(seen).containsOnlyNulls();
  }

  @Test
  void aFailureIsTheCallsOwnOutcome() {
    CompletableFuture<Object> failing =
        ParallelCalls.on(pool)
            .submit(
                () -> {
                  throw new UpstreamFailure("orders", "503", null);
                });

    assertThatThrownBy(failing::join)
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(UpstreamFailure.class);
  }

  @Test
  void theWaitEndsInTimeAndALateCallIsCancelled() {
    ParallelCalls calls = ParallelCalls.on(pool);
    CompletableFuture<String> quick = calls.submit(() -> "quick");
    CompletableFuture<String> slow = calls.submit(() -> waitFor(release, "slow"));

    long started = System.nanoTime();
    ParallelCalls.awaitAll(Duration.ofMillis(150), quick, null, slow);
    long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

    assertThat(quick.join()).isEqualTo("quick");
    assertThat(slow.isCancelled()).isTrue();
    assertThat(waitedMs).isLessThan(5_000);
  }

  @Test
  void whenEveryThreadIsBusyAndTheQueueFullACallFailsAtOnceAndAQueuedLateOneIsNeverMade()
      throws InterruptedException {
    ThreadPoolExecutor one =
        new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(1));
    try {
      ParallelCalls calls = ParallelCalls.on(one);
      AtomicBoolean queuedRan = new AtomicBoolean();
      CompletableFuture<String> busy = calls.submit(() -> waitFor(release, "busy"));
      CompletableFuture<String> queued =
          calls.submit(
              () -> {
                queuedRan.set(true);
                return "queued";
              });
      CompletableFuture<String> refused = calls.submit(() -> "refused");

      assertThatThrownBy(refused::join).hasCauseInstanceOf(BulkheadException.class);

      ParallelCalls.awaitAll(Duration.ofMillis(50), busy, queued);
      release.countDown();
      one.shutdown();
      assertThat(one.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
      assertThat(queued.isCancelled()).isTrue();
      assertThat(queuedRan).isFalse();
    } finally {
      one.shutdownNow();
    }
  }

  private static <T> T waitFor(CountDownLatch latch, T value) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return value;
  }
}
