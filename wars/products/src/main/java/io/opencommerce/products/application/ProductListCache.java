package io.opencommerce.products.application;

import io.opencommerce.contracts.products.ProductChanged;
import io.opencommerce.kit.redis.Cache;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.products.application.ProductCache.Entry;
import io.opencommerce.products.application.ProductSearch.Criteria;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Product list pages ({@code GET /products}) in Redis, as the exact JSON served and its entity tag,
 * so a repeated query costs one Redis round trip instead of three SQL queries and a serialization.
 *
 * <p>Each site has a catalogue version ({@code oc:products:catalog-version:<site>}) that every
 * committed catalogue change increments (a product created, replaced or retired, a category
 * created), and each cached page records the version it was built at: a page built before a change
 * is never served after it, on any replica, as soon as the change has committed. Pages expire after
 * {@code products.list-cache.ttl} (5 minutes by default; {@code PT0S} turns this cache off). Redis
 * is only a cache here: when it cannot answer, lists come from the database and nothing fails.
 *
 * <p>Why the version is in the value and not in the key: the key of a page is then known before
 * Redis is asked, so the version and the page are read in one {@code MGET}, one round trip, with no
 * script and only declared keys. A page is written with the version read <em>before</em> the
 * database was, so a page built from rows older than a change always carries a version older than
 * the change's. A cached page of an older version is a miss and is overwritten.
 *
 * <p>What stays stale until the TTL: a page cached before a change whose version increment failed
 * (Redis unreachable right after the commit, logged as a warning), or a version rolled back by
 * Redis itself (a restart from an older snapshot).
 */
@ApplicationScoped
public class ProductListCache {
  private static final HexFormat HEX = HexFormat.of();

  /** The version of a site whose counter does not exist yet (no change since Redis started). */
  private static final byte[] FIRST_VERSION = {'0'};

  @Inject Cache cache;
  @Inject CurrentRequest request;

  /** How long a list page stays in Redis (ISO-8601); {@code PT0S} turns list caching off. */
  @Inject
  @ConfigProperty(name = "products.list-cache.ttl", defaultValue = "PT5M")
  String ttl;

  long ttlSeconds;

  @PostConstruct
  void parseTtl() {
    ttlSeconds = Duration.parse(ttl).toSeconds();
  }

  /**
   * A category was created. Fired by {@link Catalog} in the creating transaction, for this cache
   * only (it is no integration event): no list shows a category before one of its products, but
   * every catalogue change moves the version, so no list can miss one.
   */
  public record CategoryCreated(UUID categoryId) {}

  /**
   * Whether a list query is answered from the cache. Pages show no stock, so only {@code
   * inStock=true} depends on it, and stock moves with every sale without any catalogue change:
   * those queries always go to the database (a stock generation would change with every checkout
   * and leave little to hit). Lists with retired products are for administrators: never cached.
   */
  public boolean caches(Criteria criteria) {
    return ttlSeconds > 0 && !criteria.inStockOnly() && !criteria.includeRetired();
  }

  /** The cached page of a query, or what {@code load} makes of it (then cached). */
  public Entry get(String site, Criteria criteria, int limit, int offset, Supplier<Entry> load) {
    byte[] key = key(site, criteria, limit, offset).getBytes(StandardCharsets.UTF_8);
    byte[] version = null;
    List<byte[]> found = cache.getAll(versionKey(site).getBytes(StandardCharsets.UTF_8), key);
    if (found != null) {
      version = found.get(0) == null ? FIRST_VERSION : found.get(0);
      Entry hit = decode(found.get(1), version);
      if (hit != null) {
        return hit;
      }
    }
    Entry entry = load.get();
    if (version != null) { // without the version read before the database, nothing is cached
      cache.put(key, encode(version, entry), ttlSeconds);
    }
    return entry;
  }

  /** A page as it is served: its body, and an entity tag that changes with it. */
  public static Entry entry(byte[] json) {
    return new Entry(HEX.formatHex(sha256(json), 0, 16), json);
  }

  /**
   * Moves the site's lists to a new version once a product change has committed (as {@link
   * ProductCache#invalidate} drops the product). Products change in requests of their own site.
   */
  void productChanged(@Observes ProductChanged change) {
    newVersion();
  }

  void categoryCreated(@Observes CategoryCreated created) {
    newVersion();
  }

  private void newVersion() {
    String key = versionKey(request.site());
    cache.afterCommit("moving the product lists of a site to a new version", r -> r.incr(key));
  }

  static String versionKey(String site) {
    return "oc:products:catalog-version:" + site;
  }

  /** A page's key: the site and the SHA-256 of the query's {@link #canonical} form. */
  static String key(String site, Criteria criteria, int limit, int offset) {
    return "oc:products:list:"
        + site
        + ":"
        + HEX.formatHex(
            sha256(canonical(criteria, limit, offset).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A query in one spelling, whatever order its parameters came in: {@code name=value} pairs sorted
   * by name and joined by {@code &}, absent ones left out, values URL-encoded (a search for {@code
   * a&limit=5} cannot pass for another query), prices without trailing zeros ({@code 10}, {@code
   * 10.00} and {@code 1E+1} ask for the same products). The search text comes stripped, and null
   * when blank, from the resource.
   */
  static String canonical(Criteria criteria, int limit, int offset) {
    Map<String, String> parameters = new TreeMap<>();
    parameters.put("q", criteria.text());
    parameters.put("category", criteria.categorySlug());
    parameters.put("minPrice", plain(criteria.minPrice()));
    parameters.put("maxPrice", plain(criteria.maxPrice()));
    parameters.put("inStock", criteria.inStockOnly() ? "true" : null);
    parameters.put("includeRetired", criteria.includeRetired() ? "true" : null);
    parameters.put("sort", criteria.sort().parameter());
    parameters.put("limit", Integer.toString(limit));
    parameters.put("offset", Integer.toString(offset));
    StringBuilder canonical = new StringBuilder(128);
    parameters.forEach(
        (name, value) -> {
          if (value != null) {
            canonical.append(canonical.isEmpty() ? "" : "&").append(name).append('=');
            canonical.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
          }
        });
    return canonical.toString();
  }

  private static String plain(BigDecimal amount) {
    return amount == null ? null : amount.stripTrailingZeros().toPlainString();
  }

  /** {@code <version>\n<etag>\n<json>}. */
  static byte[] encode(byte[] version, Entry entry) {
    byte[] prefix = Arrays.copyOf(version, version.length + 1);
    prefix[version.length] = '\n';
    return entry.encode(prefix);
  }

  /** The page a cached value holds if it was built at {@code version}, else null (a miss). */
  static Entry decode(byte[] value, byte[] version) {
    if (value == null
        || value.length <= version.length
        || value[version.length] != '\n'
        || !Arrays.equals(value, 0, version.length, version, 0, version.length)) {
      return null;
    }
    return Entry.decode(value, version.length + 1);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
