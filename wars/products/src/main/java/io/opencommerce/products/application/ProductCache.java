package io.opencommerce.products.application;

import io.opencommerce.contracts.products.ProductChanged;
import io.opencommerce.kit.redis.Cache;
import io.opencommerce.kit.web.CurrentRequest;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serialized product reads (entity tag and JSON bytes, so a hit needs no parsing and no encoding)
 * in Redis ({@code products.cache.ttl}, 10 minutes by default), dropped once a change has
 * committed. Redis is only a cache here ({@link Cache}): when it cannot answer, reads go to the
 * database and nothing fails.
 */
@ApplicationScoped
public class ProductCache {
  private static final byte[] NO_PREFIX = {};

  @Inject Cache cache;
  @Inject CurrentRequest request;

  /** How long a product read stays in Redis (ISO-8601); a change of the product ends it sooner. */
  @Inject
  @ConfigProperty(name = "products.cache.ttl", defaultValue = "PT10M")
  String ttl;

  private long ttlSeconds;

  @PostConstruct
  void parseTtl() {
    ttlSeconds = Duration.parse(ttl).toSeconds(); // once, not on every miss
  }

  /**
   * A read as it is served: its entity tag (without quotes) and its UTF-8 JSON body, sent as is.
   * The body is shared, never modified.
   */
  public record Entry(String etag, byte[] json) {
    /** {@code <prefix><etag>\n<json>}: an entity tag holds no line break. */
    byte[] encode(byte[] prefix) {
      byte[] tag = etag.getBytes(StandardCharsets.UTF_8);
      byte[] value = new byte[prefix.length + tag.length + 1 + json.length];
      System.arraycopy(prefix, 0, value, 0, prefix.length);
      System.arraycopy(tag, 0, value, prefix.length, tag.length);
      value[prefix.length + tag.length] = '\n';
      System.arraycopy(json, 0, value, prefix.length + tag.length + 1, json.length);
      return value;
    }

    /**
     * The entry a cached value holds from index {@code from} on, or null for a value of another
     * shape (a miss).
     */
    static Entry decode(byte[] value, int from) {
      for (int i = from; i < value.length; i++) {
        if (value[i] == '\n') {
          return i == from
              ? null
              : new Entry(
                  new String(value, from, i - from, StandardCharsets.UTF_8),
                  Arrays.copyOfRange(value, i + 1, value.length));
        }
      }
      return null;
    }
  }

  /** The cached read of a product, or what {@code load} makes of it (then cached). */
  public Entry get(String site, UUID id, Supplier<Entry> load) {
    byte[] key = key(site, id).getBytes(StandardCharsets.UTF_8);
    byte[] cached = cache.get(key);
    Entry hit = cached == null ? null : Entry.decode(cached, 0);
    if (hit != null) {
      return hit;
    }
    Entry entry = load.get();
    cache.put(key, entry.encode(NO_PREFIX), ttlSeconds);
    return entry;
  }

  /**
   * Drops a product once the transaction that changed it has committed (a read in between still
   * finds the old row, so nothing stale is cached after the change). Products change in requests of
   * their own site.
   */
  void invalidate(@Observes ProductChanged change) {
    cache.evictAfterCommit(key(request.site(), change.productId()));
  }

  static String key(String site, UUID id) {
    return "oc:products:product:" + site + ":" + id;
  }
}
