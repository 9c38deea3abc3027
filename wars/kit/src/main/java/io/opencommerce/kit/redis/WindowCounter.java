package io.opencommerce.kit.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Counts hits per key in fixed windows, in Redis: the first hit of a key opens its window ({@code
 * INCR}, then {@code PEXPIRE}), every hit within it adds one, and the key expires with the window.
 * One hit is one script, so one round trip, and atomic: replicas counting the same key at once
 * never lose a hit or leave a key without an expiry. A key found without one (left by anything
 * else) gets the window again rather than counting for ever.
 *
 * <p>A fixed window lets a client use its allowance at the end of one window and again at the start
 * of the next (twice the limit within a moment, never more); in exchange a key is one integer for
 * one window, whatever the traffic, where a sliding log would keep every hit.
 */
public final class WindowCounter {
  static final String SCRIPT =
      """
      local count = redis.call('INCR', KEYS[1])
      if count == 1 then
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
      end
      local ttl = redis.call('PTTL', KEYS[1])
      if ttl < 0 then
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        ttl = tonumber(ARGV[1])
      end
      return {count, ttl}
      """;
  private static final String SHA1 = sha1(SCRIPT);

  private final RedisClient redis;

  public WindowCounter(RedisClient redis) {
    this.redis = redis;
  }

  /** A key's count in its current window, and how long until the window ends. */
  public record Count(long hits, long millisLeft) {
    /**
     * {@code Retry-After}: the whole seconds until the window ends, rounded up (a client told 1 s
     * when 1.5 s are left would come back too early), at least 1.
     */
    public Duration retryAfter() {
      return Duration.ofSeconds(Math.max(1, (millisLeft + 999) / 1000));
    }
  }

  /**
   * Counts one hit of {@code key} in a window of {@code window}.
   *
   * @throws RuntimeException when Redis cannot be asked (the caller decides what that means)
   */
  public Count hit(String key, Duration window) {
    List<String> keys = List.of(key);
    List<String> args = List.of(Long.toString(Math.max(1, window.toMillis())));
    Object reply;
    try {
      reply = redis.evalsha(SHA1, keys, args);
    } catch (JedisNoScriptException e) {
      reply = redis.eval(SCRIPT, keys, args); // first use on this server: EVAL also caches it
    }
    List<?> values = (List<?>) reply;
    return new Count(((Number) values.get(0)).longValue(), ((Number) values.get(1)).longValue());
  }

  private static String sha1(String script) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }
}
