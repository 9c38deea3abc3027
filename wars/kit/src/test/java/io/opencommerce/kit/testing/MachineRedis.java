package io.opencommerce.kit.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The machine's Redis for unit tests ({@code test.redis.url}, else {@code redis.url}, else
 * 127.0.0.1:6379), and the one way such a test removes the keys it wrote (each test writes under a
 * prefix of its own).
 */
public final class MachineRedis {
  private MachineRedis() {}

  public static RedisClient connect() {
    return RedisClient.create(
        URI.create(
            System.getProperty(
                "test.redis.url", System.getProperty("redis.url", "redis://127.0.0.1:6379/0"))));
  }

  /** {@link #connect()}, the test skipped when Redis does not answer. */
  public static RedisClient connectOrSkip() {
    RedisClient redis = connect();
    boolean up;
    try {
      up = "PONG".equals(redis.ping());
    } catch (RuntimeException e) {
      up = false;
    }
    if (!up) {
      redis.close();
    }
    assumeTrue(up, "Redis does not answer");
    return redis;
  }

  /** Deletes every key matching {@code pattern} (e.g. {@code test:oc:revoked:<uuid>:*}). */
  public static void deleteMatching(RedisClient redis, String pattern) {
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = redis.scan(cursor, new ScanParams().match(pattern).count(1000));
      if (!page.getResult().isEmpty()) {
        redis.del(page.getResult().toArray(String[]::new));
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
  }
}
