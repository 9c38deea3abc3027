package io.opencommerce.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.kit.config.ServiceIdentity;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.testing.MachineRedis;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/**
 * The limits as a service applies them, counted in the machine's Redis under a service name of each
 * test's own (keys removed afterwards); skipped when Redis does not answer. Settings and metrics
 * are stand-ins the test reads.
 */
class RateLimitsTest {
  private static RedisClient redis;

  private final String service = "test-" + UUID.randomUUID().toString().substring(0, 8);
  private final Map<String, String> settings = new HashMap<>();
  private final Map<String, Long> counted = new ConcurrentHashMap<>();

  @RateLimited(
      value = "login",
      perAddress = "3/PT1M",
      perAccount = "2/PT1M",
      account = "body.email")
  void login() {}

  @RateLimited(value = "tracking", perAddress = "2/PT1M", perAccount = "1/PT1M")
  void tracking() {}

  private static RateLimited binding(String method) {
    try {
      return RateLimitsTest.class.getDeclaredMethod(method).getAnnotation(RateLimited.class);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeAll
  static void connect() {
    redis = MachineRedis.connectOrSkip();
  }

  @AfterAll
  static void close() {
    if (redis != null) {
      redis.close();
    }
  }

  @AfterEach
  void removeTheKeys() {
    MachineRedis.deleteMatching(redis, "oc:rate:" + service + ":*");
  }

  private RateLimits limits(RedisClient client) {
    RateLimits limits =
        new RateLimits() {
          @Override
          Optional<String> setting(String key) {
            return Optional.ofNullable(settings.get(key));
          }
        };
    limits.redis = client;
    limits.service =
        new ServiceIdentity() {
          @Override
          public String name() {
            return service;
          }
        };
    limits.metrics = countingRegistry();
    limits.init();
    return limits;
  }

  /** A registry whose counters add to {@link #counted} under "name{tag=value,…}". */
  private MetricRegistry countingRegistry() {
    return (MetricRegistry)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {MetricRegistry.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("counter")) {
                throw new UnsupportedOperationException(method.getName());
              }
              Map<String, String> tags = new TreeMap<>();
              Arrays.stream(args)
                  .skip(1)
                  .flatMap(
                      a ->
                          a instanceof Tag[] many
                              ? Arrays.stream(many)
                              : java.util.stream.Stream.of(a))
                  .map(Tag.class::cast)
                  .forEach(t -> tags.put(t.getTagName(), t.getTagValue()));
              String name =
                  args[0]
                      + tags.entrySet().stream()
                          .map(e -> e.getKey() + "=" + e.getValue())
                          .collect(Collectors.joining(",", "{", "}"));
              return Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {Counter.class},
                  (c, m, a) -> {
                    if (m.getName().equals("inc")) {
                      counted.merge(name, a == null ? 1L : (Long) a[0], Long::sum);
                      return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                  });
            });
  }

  @Test
  void anAddressPastItsLimitIsAnswered429WithRetryAfterAndCounted() {
    RateLimits limits = limits(redis);
    for (int i = 0; i < 3; i++) {
      assertThat(limits.byAddress(binding("login"), "198.51.100.7")).isNull();
    }

    ProblemException refused = limits.byAddress(binding("login"), "198.51.100.7");
    assertThat(refused).isNotNull();
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.code()).isEqualTo("rate-limited");
    assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(60));
    assertThat(refused.getMessage()).contains("address").contains("Try again in");
    assertThat(counted).containsEntry("requests_limited{by=address,limit=login}", 1L);
    assertThat(redis.exists("oc:rate:" + service + ":login:addr:198.51.100.7")).isTrue();
  }

  @Test
  void addressesCountApartAndAnIpv6NetworkCountsAsOne() {
    RateLimits limits = limits(redis);
    RateLimited tracking = binding("tracking");
    limits.byAddress(tracking, "198.51.100.7");
    limits.byAddress(tracking, "198.51.100.7");
    assertThat(limits.byAddress(tracking, "198.51.100.8")).isNull();

    assertThat(limits.byAddress(tracking, "2001:db8:1:2::1")).isNull();
    assertThat(limits.byAddress(tracking, "2001:db8:1:2::ffff")).isNull();
    assertThat(limits.byAddress(tracking, "2001:db8:1:2:3:4:5:6"))
        .as("a third address of the same /64")
        .isNotNull();
    assertThat(limits.byAddress(tracking, "2001:db8:1:3::1")).isNull();
  }

  @Test
  void accountsCountWithoutCaseAndAreKeptOnlyAsHashes() {
    RateLimits limits = limits(redis);
    RateLimited login = binding("login");
    assertThat(limits.byAccount(login, "Someone@Example.com")).isNull();
    assertThat(limits.byAccount(login, " someone@example.com ")).isNull();

    ProblemException refused = limits.byAccount(login, "SOMEONE@example.com");
    assertThat(refused).isNotNull();
    assertThat(refused.code()).isEqualTo("rate-limited");
    assertThat(refused.getMessage()).contains("account");
    assertThat(counted).containsEntry("requests_limited{by=account,limit=login}", 1L);
    assertThat(limits.byAccount(login, "someone.else@example.com")).isNull();
    assertThat(redis.keys("oc:rate:" + service + ":*"))
        .hasSize(2)
        .allMatch(k -> k.matches("oc:rate:" + service + ":login:acct:[0-9a-f]{64}"));
  }

  @Test
  void aBlankOrMissingAccountIsNotCounted() {
    RateLimits limits = limits(redis);
    for (int i = 0; i < 5; i++) {
      assertThat(limits.byAccount(binding("login"), null)).isNull();
      assertThat(limits.byAccount(binding("login"), " ")).isNull();
    }
    assertThat(redis.keys("oc:rate:" + service + ":*")).isEmpty();
  }

  @Test
  void withoutAnAccountSourceThereIsNoPerAccountLimitWhateverTheSettings() {
    settings.put("platform.rate-limits.tracking.per-account", "1/PT1M");
    RateLimits limits = limits(redis);
    for (int i = 0; i < 3; i++) {
      assertThat(limits.byAccount(binding("tracking"), "someone@example.com")).isNull();
    }
  }

  @Test
  void settingsOverrideTheAnnotationsDefaults() {
    settings.put("platform.rate-limits.login.per-address", "1/PT10S");
    settings.put("platform.rate-limits.login.per-account", "off");
    RateLimits limits = limits(redis);

    assertThat(limits.byAddress(binding("login"), "198.51.100.7")).isNull();
    ProblemException refused = limits.byAddress(binding("login"), "198.51.100.7");
    assertThat(refused).isNotNull();
    assertThat(refused.retryAfter()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(10));
    for (int i = 0; i < 5; i++) {
      assertThat(limits.byAccount(binding("login"), "someone@example.com")).isNull();
    }
  }

  @Test
  void aSettingItCannotReadIsAnErrorNamingIt() {
    settings.put("platform.rate-limits.login.per-address", "20 a minute");
    RateLimits limits = limits(redis);
    assertThatThrownBy(() -> limits.byAddress(binding("login"), "198.51.100.7"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("platform.rate-limits.login.per-address")
        .hasMessageContaining("20 a minute");
  }

  @Test
  void requestsWithoutAnAddressAreNotCountedPerAddress() {
    RateLimits limits = limits(redis);
    for (int i = 0; i < 5; i++) {
      assertThat(limits.byAddress(binding("login"), null)).isNull();
      assertThat(limits.byAddress(binding("login"), "not-an-address")).isNull();
    }
  }

  @Test
  void withoutRedisRequestsGoThroughAndAreCounted() {
    RedisClient away = RedisClient.create(URI.create("redis://127.0.0.1:1/0"));
    try {
      RateLimits limits = limits(away);
      for (int i = 0; i < 5; i++) {
        assertThat(limits.byAddress(binding("login"), "198.51.100.7")).isNull();
        assertThat(limits.byAccount(binding("login"), "someone@example.com")).isNull();
      }
      assertThat(counted)
          .containsEntry("rate_limit_failures{by=address,limit=login}", 5L)
          .containsEntry("rate_limit_failures{by=account,limit=login}", 5L)
          .doesNotContainKey("requests_limited{by=address,limit=login}");
    } finally {
      away.close();
    }
  }

  /** A clock the test moves by hand. */
  private static final class TestClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void anOutageIsReportedOnceAPeriodWithWhatWentUnreported() {
    TestClock clock = new TestClock();
    RateLimits.Outage outage = new RateLimits.Outage(Duration.ofMinutes(1), clock);

    assertThat(outage.succeeded()).as("nothing to report while all is well").isFalse();
    assertThat(outage.failed()).as("the first failure is reported").isEqualTo(1);
    clock.advance(Duration.ofSeconds(10));
    assertThat(outage.failed()).isZero();
    assertThat(outage.failed()).isZero();
    clock.advance(Duration.ofSeconds(50));
    assertThat(outage.failed()).as("a minute later, with the two left unreported").isEqualTo(3);
    assertThat(outage.succeeded()).as("the end of a reported outage").isTrue();
    assertThat(outage.succeeded()).isFalse();
  }

  @Test
  void aFlappingRedisStaysQuietWithinThePeriod() {
    TestClock clock = new TestClock();
    RateLimits.Outage outage = new RateLimits.Outage(Duration.ofMinutes(1), clock);

    assertThat(outage.failed()).isEqualTo(1);
    assertThat(outage.succeeded()).isTrue();
    clock.advance(Duration.ofSeconds(5));
    assertThat(outage.failed()).as("again within the minute").isZero();
    assertThat(outage.succeeded()).as("its end unreported, as was its start").isFalse();
    clock.advance(Duration.ofMinutes(1));
    assertThat(outage.failed()).as("the failure left unreported is counted in").isEqualTo(2);
  }
}
