package io.opencommerce.kit.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.opencommerce.kit.testing.MachineRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Against the machine's Redis ({@code -Dredis.url}, {@code redis://127.0.0.1:6379/0} by default),
 * under a key prefix of each test's own, removed afterwards. Skipped when Redis does not answer.
 */
class WindowCounterTest {
  private static RedisClient redis;
  private static WindowCounter counter;

  private final String prefix = "oc:test:rate:" + UUID.randomUUID() + ":";

  @BeforeAll
  static void connect() {
    redis = MachineRedis.connectOrSkip();
    counter = new WindowCounter(redis);
  }

  @AfterAll
  static void close() {
    if (redis != null) {
      redis.close();
    }
  }

  @AfterEach
  void removeTheKeys() {
    if (counter == null) {
      return;
    }
    MachineRedis.deleteMatching(redis, prefix + "*");
  }

  @Test
  void theFirstHitOpensAWindowThatExpiresWithIt() {
    var first = counter.hit(prefix + "a", Duration.ofMinutes(1));

    assertThat(first.hits()).isEqualTo(1);
    assertThat(first.millisLeft()).isBetween(55_000L, 60_000L);
    assertThat(redis.pttl(prefix + "a")).isBetween(55_000L, 60_000L);
  }

  @Test
  void hitsWithinTheWindowAddUpWithoutMovingItsEnd() throws Exception {
    counter.hit(prefix + "a", Duration.ofSeconds(30));
    await().until(() -> redis.pttl(prefix + "a") <= 30_000L - 50);
    var second = counter.hit(prefix + "a", Duration.ofSeconds(30));
    var third = counter.hit(prefix + "a", Duration.ofSeconds(30));

    assertThat(second.hits()).isEqualTo(2);
    assertThat(third.hits()).isEqualTo(3);
    assertThat(third.millisLeft()).isLessThanOrEqualTo(30_000L - 50);
  }

  @Test
  void keysCountApart() {
    counter.hit(prefix + "a", Duration.ofMinutes(1));
    counter.hit(prefix + "a", Duration.ofMinutes(1));

    assertThat(counter.hit(prefix + "b", Duration.ofMinutes(1)).hits()).isEqualTo(1);
  }

  @Test
  void aNewWindowStartsAfterTheOldOneEnded() throws Exception {
    counter.hit(prefix + "a", Duration.ofMillis(200));
    counter.hit(prefix + "a", Duration.ofMillis(200));
    await().atMost(Duration.ofSeconds(5)).until(() -> !redis.exists(prefix + "a"));

    var fresh = counter.hit(prefix + "a", Duration.ofMillis(200));
    assertThat(fresh.hits()).isEqualTo(1);
    assertThat(fresh.millisLeft()).isBetween(1L, 200L);
  }

  @Test
  void aKeyLeftWithoutExpiryGetsTheWindowInsteadOfCountingForEver() {
    redis.set(prefix + "a", "41");

    var count = counter.hit(prefix + "a", Duration.ofMinutes(1));
    assertThat(count.hits()).isEqualTo(42);
    assertThat(count.millisLeft()).isEqualTo(60_000L);
    assertThat(redis.pttl(prefix + "a")).isBetween(55_000L, 60_000L);
  }

  @Test
  void concurrentHitsAreEachCountedOnce() throws Exception {
    int threads = 8;
    int hitsEach = 50;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      Set<Long> seen = ConcurrentHashMap.newKeySet();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < hitsEach; i++) {
                    seen.add(counter.hit(prefix + "race", Duration.ofMinutes(1)).hits());
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
      assertThat(seen).hasSize(threads * hitsEach).contains(1L, (long) threads * hitsEach);
      assertThat(redis.get(prefix + "race")).isEqualTo(Integer.toString(threads * hitsEach));
      assertThat(redis.pttl(prefix + "race")).isPositive();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aServerThatDoesNotKnowTheScriptSaysSoInTheWayTheCounterCatches() {
    // What the counter falls back to EVAL on (a fresh or restarted Redis has no scripts cached).
    assertThatThrownBy(() -> redis.evalsha("0".repeat(40), List.of(prefix + "a"), List.of("1000")))
        .isInstanceOf(JedisNoScriptException.class);
  }
}
