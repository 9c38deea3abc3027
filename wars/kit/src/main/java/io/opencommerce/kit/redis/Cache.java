package io.opencommerce.kit.redis;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Redis as a cache that never fails a request: a read Redis cannot answer is a miss, a write it
 * cannot take is skipped, and the request goes on with the database. What must not be lost is an
 * invalidation: a value that could not be replaced is removed, and invalidations run once the
 * transaction that changed the data has committed (a read in between still finds the old rows, so
 * nothing stale is cached after the change). A failed invalidation is a warning: the value may be
 * stale until it expires.
 */
@ApplicationScoped
public class Cache {
  private static final Logger LOG = Logger.getLogger(Cache.class.getName());

  @Inject RedisClient redis;
  @Resource TransactionSynchronizationRegistry transactions;

  /** The value under {@code key}; null when there is none or Redis cannot answer. */
  public byte[] get(byte[] key) {
    try {
      return redis.get(key);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Cache read failed", e);
      return null;
    }
  }

  /** The value under {@code key}; null when there is none or Redis cannot answer. */
  public String get(String key) {
    byte[] value = get(key.getBytes(StandardCharsets.UTF_8));
    return value == null ? null : new String(value, StandardCharsets.UTF_8);
  }

  /**
   * The values under {@code keys}, in one round trip (a missing one is null); null as a whole when
   * Redis cannot answer.
   */
  public List<byte[]> getAll(byte[]... keys) {
    try {
      return redis.mget(keys);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Cache read failed", e);
      return null;
    }
  }

  /**
   * Stores {@code value} for {@code ttlSeconds}. If Redis does not take it, the key is removed, so
   * that an older value is never served in its place.
   */
  public void put(byte[] key, byte[] value, long ttlSeconds) {
    try {
      redis.set(key, value, SetParams.setParams().ex(ttlSeconds));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Cache write failed; removing the key", e);
      evict(key);
    }
  }

  /**
   * Sets {@code key} for {@code ttlSeconds} only if it is not set: whether this caller got it (one
   * replica, one request among many does what the key stands for). False when Redis cannot be
   * asked.
   */
  public boolean claim(byte[] key, long ttlSeconds) {
    try {
      return "OK"
          .equals(
              redis.set(
                  key, new byte[] {'1'}, SetParams.setParams().nx().ex(Math.max(1, ttlSeconds))));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Cache claim failed", e);
      return false;
    }
  }

  public void put(String key, String value, long ttlSeconds) {
    put(key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8), ttlSeconds);
  }

  /** Removes {@code key} now. */
  public void evict(String key) {
    evict(key.getBytes(StandardCharsets.UTF_8));
  }

  private void evict(byte[] key) {
    change("removing " + new String(key, StandardCharsets.UTF_8), client -> client.del(key));
  }

  /** Removes {@code key} once the current transaction has committed (now without one). */
  public void evictAfterCommit(String key) {
    afterCommit("removing " + key, client -> client.del(key));
  }

  /**
   * Applies {@code change} (an eviction, a version increment) once the current transaction has
   * committed, or now when there is none; nothing if the transaction rolls back.
   *
   * @param what the change, for the warning if Redis does not take it
   */
  public void afterCommit(String what, Consumer<RedisClient> change) {
    if (transactions.getTransactionKey() == null) {
      change(what, change);
      return;
    }
    transactions.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
              change(what, change);
            }
          }
        });
  }

  private void change(String what, Consumer<RedisClient> change) {
    try {
      change.accept(redis);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Cache invalidation failed ({0}): the cached value may be stale until it expires ({1})",
          new Object[] {what, e.toString()});
    }
  }
}
