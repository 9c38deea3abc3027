package io.opencommerce.kit.web;

import io.opencommerce.kit.config.ServiceIdentity;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.redis.WindowCounter;
import io.opencommerce.kit.security.SecureTokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import redis.clients.jedis.RedisClient;

/**
 * Applies {@link RateLimited}: each limit as configured ({@code platform.rate-limits.<name>.*},
 * else the annotation's defaults), counted in Redis by a {@link WindowCounter}. Redis failing lets
 * the request through (fail open), counted in {@code rate_limit_failures_total{limit,by}} and
 * logged as one warning a minute at most, then one line once Redis counts again.
 */
@ApplicationScoped
public class RateLimits {
  private static final Logger LOG = Logger.getLogger(RateLimits.class.getName());
  static final String PREFIX = "platform.rate-limits.";
  static final String PER_ADDRESS = "per-address";
  static final String PER_ACCOUNT = "per-account";
  static final Duration WARNING_PERIOD = Duration.ofMinutes(1);

  @Inject RedisClient redis;
  @Inject ServiceIdentity service;
  @Inject MetricRegistry metrics;

  private final Map<String, Configured> limits = new ConcurrentHashMap<>();
  private final Outage outage = new Outage(WARNING_PERIOD, Clock.systemUTC());
  private WindowCounter counter;

  /** One limit's two parts as configured when it was first used (either may be absent). */
  record Configured(Optional<RateLimit> perAddress, Optional<RateLimit> perAccount) {}

  @PostConstruct
  void init() {
    counter = new WindowCounter(redis);
  }

  /**
   * Reads every {@code platform.rate-limits.*} setting when the service starts: one it cannot read
   * stops it, rather than failing the requests it should limit, or limiting nothing.
   */
  void validate(@Observes Startup startup) {
    for (String key : ConfigProvider.getConfig().getPropertyNames()) {
      if (key.startsWith(PREFIX)) {
        String part = key.substring(key.lastIndexOf('.') + 1);
        if (!part.equals(PER_ADDRESS) && !part.equals(PER_ACCOUNT)) {
          throw new IllegalStateException(
              key + ": a rate limit is set with ." + PER_ADDRESS + " or ." + PER_ACCOUNT);
        }
        spec(key, "");
      }
    }
  }

  /** The {@link RateLimited} of a resource method, or of its class; null when neither has one. */
  static RateLimited bindingOf(Method method, Class<?> type) {
    RateLimited onMethod = method == null ? null : method.getAnnotation(RateLimited.class);
    if (onMethod != null) {
      return onMethod;
    }
    return type == null ? null : type.getAnnotation(RateLimited.class);
  }

  /**
   * Counts a request from {@code address} (canonical, as {@link RequestContext#remoteAddress}).
   *
   * @return the 429 to answer, or null when the request is within the limit or not counted
   */
  public ProblemException byAddress(RateLimited binding, String address) {
    Optional<RateLimit> limit = configured(binding).perAddress();
    String client = IpAddresses.limitKey(address);
    if (limit.isEmpty() || client == null) {
      return null;
    }
    return count(
        binding.value(),
        "address",
        limit.get(),
        key(binding.value(), "addr", client),
        "Too many requests from your address; nothing was done.");
  }

  /**
   * Counts a request for {@code account} (an e-mail, a user id), compared without case and
   * surrounding blanks, and kept in Redis only as its SHA-256.
   *
   * @return the 429 to answer, or null when the request is within the limit or not counted
   */
  public ProblemException byAccount(RateLimited binding, String account) {
    Optional<RateLimit> limit = configured(binding).perAccount();
    if (limit.isEmpty() || account == null || account.isBlank()) {
      return null;
    }
    String hashed = SecureTokens.hash(account.strip().toLowerCase(Locale.ROOT));
    return count(
        binding.value(),
        "account",
        limit.get(),
        key(binding.value(), "acct", hashed),
        "Too many requests for this account; nothing was done.");
  }

  private String key(String name, String by, String who) {
    return "oc:rate:" + service.name() + ":" + name + ":" + by + ":" + who;
  }

  private ProblemException count(
      String name, String by, RateLimit limit, String key, String detail) {
    WindowCounter.Count count;
    try {
      count = counter.hit(key, limit.window());
    } catch (RuntimeException e) {
      metrics.counter("rate_limit_failures", new Tag("limit", name), new Tag("by", by)).inc();
      long unreported = outage.failed();
      if (unreported > 0) {
        LOG.log(
            Level.WARNING,
            "Rate limits are not applied: Redis cannot count ({0}); requests go through"
                + " unlimited ({1} since the last warning; counted in rate_limit_failures_total)",
            new Object[] {e.toString(), unreported});
      } else {
        LOG.log(Level.FINE, "Rate limit not applied: Redis cannot count", e);
      }
      return null;
    }
    if (outage.succeeded()) {
      LOG.info("Rate limits are applied again: Redis counts");
    }
    if (count.hits() <= limit.requests()) {
      return null;
    }
    metrics.counter("requests_limited", new Tag("limit", name), new Tag("by", by)).inc();
    Duration retryAfter = count.retryAfter();
    return ProblemException.rateLimited(
        detail + " Try again in " + retryAfter.toSeconds() + " s.", retryAfter);
  }

  private Configured configured(RateLimited binding) {
    return limits.computeIfAbsent(
        binding.value(),
        name -> {
          Configured limit =
              new Configured(
                  spec(PREFIX + name + "." + PER_ADDRESS, binding.perAddress()),
                  binding.account().isEmpty()
                      ? Optional.empty()
                      : spec(PREFIX + name + "." + PER_ACCOUNT, binding.perAccount()));
          LOG.info(
              () ->
                  "Rate limit "
                      + name
                      + ": "
                      + limit.perAddress().map(RateLimit::toString).orElse("none")
                      + " per address, "
                      + limit.perAccount().map(RateLimit::toString).orElse("none")
                      + " per account");
          return limit;
        });
  }

  private Optional<RateLimit> spec(String key, String fallback) {
    String spec = setting(key).orElse(fallback);
    try {
      return RateLimit.parse(spec);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(key + ": " + e.getMessage(), e);
    }
  }

  /** A setting's value, if it has one. */
  Optional<String> setting(String key) {
    return ConfigProvider.getConfig().getOptionalValue(key, String.class);
  }

  /**
   * An outage of the counting, for the log: one warning per {@code period} at most (with how many
   * requests went unlimited since the previous one), and one line when it ends after a warning.
   */
  static final class Outage {
    private final Duration period;
    private final Clock clock;
    private volatile boolean down;
    private boolean warned;
    private long unreported;
    private Instant nextWarning = Instant.MIN;

    Outage(Duration period, Clock clock) {
      this.period = period;
      this.clock = clock;
    }

    /** Records a failure: the failures to report now (this one included), or 0 to stay quiet. */
    synchronized long failed() {
      down = true;
      unreported++;
      Instant now = clock.instant();
      if (now.isBefore(nextWarning)) {
        return 0;
      }
      nextWarning = now.plus(period);
      warned = true;
      long report = unreported;
      unreported = 0;
      return report;
    }

    /** Records a success: true once, when it ends an outage that was warned about. */
    boolean succeeded() {
      if (!down) {
        return false; // the usual case, without a lock
      }
      synchronized (this) {
        boolean report = down && warned;
        down = false;
        warned = false;
        return report;
      }
    }
  }
}
