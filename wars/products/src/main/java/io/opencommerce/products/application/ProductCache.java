package io.opencommerce.products.application;

import io.opencommerce.contracts.products.ProductChanged;
import io.opencommerce.kit.web.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.SetParams;

/**
 * Serialized product reads (entity tag and JSON, so a hit needs no parsing) in Redis ({@code
 * products.cache.ttl}, 10 minutes by default), dropped once a change has committed. Redis is only a
 * cache here: when it cannot answer, reads go to the database and nothing fails.
 */
@ApplicationScoped
public class ProductCache {
  private static final Logger LOG = Logger.getLogger(ProductCache.class.getName());

  @Inject RedisClient redis;
  @Inject CurrentRequest request;

  @Inject
  @ConfigProperty(name = "products.cache.ttl", defaultValue = "PT10M")
  String ttl;

  /** A product read as it is served: its entity tag and its JSON. */
  public record Entry(String etag, String json) {
    String encode() {
      return etag + "\n" + json;
    }

    /** The entry a cached value holds, or null for a value of another shape (a miss). */
    static Entry decode(String value) {
      int newline = value.indexOf('\n');
      return newline <= 0
          ? null
          : new Entry(value.substring(0, newline), value.substring(newline + 1));
    }
  }

  /** The cached read of a product, or what {@code load} makes of it (then cached). */
  public Entry get(String site, UUID id, Supplier<Entry> load) {
    String key = key(site, id);
    try {
      String cached = redis.get(key);
      Entry hit = cached == null ? null : Entry.decode(cached);
      if (hit != null) {
        return hit;
      }
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Product cache read failed", e);
    }
    Entry entry = load.get();
    try {
      redis.set(key, entry.encode(), SetParams.setParams().ex(Duration.parse(ttl).toSeconds()));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Product cache write failed", e);
    }
    return entry;
  }

  /**
   * Drops a product once the transaction that changed it has committed (a read in between still
   * finds the old row, so nothing stale is cached after the change). Products change in requests of
   * their own site.
   */
  void invalidate(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProductChanged change) {
    String key = key(request.site(), change.productId());
    try {
      redis.del(key);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Product cache eviction failed for {0}: {1}", new Object[] {key, e});
    }
  }

  static String key(String site, UUID id) {
    return "oc:products:product:" + site + ":" + id;
  }
}
