package io.opencommerce.questions.application;

import io.opencommerce.kit.redis.Cache;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The FAQ's public reads in Redis, as the exact JSON served: list, search and ranking pages per
 * site and language, and single published entries.
 *
 * <p>Each site and language has a version ({@code oc:questions:version:<site>:<language>}), and
 * each entry one of its own ({@code oc:questions:entry-version:<id>}); every committed change of an
 * entry (written, published or unpublished, moved, deleted, voted on, its views added) increments
 * both, and a cached value records the version it was built at, read in the same {@code MGET} as
 * the value and <em>before</em> the database: a value built from rows older than a change carries
 * an older version and is never served after the change, on any replica. Values expire after {@code
 * questions.cache.ttl} (PT5M; {@code PT0S} turns the cache off). Redis is only a cache here: when
 * it cannot answer, reads come from the database.
 */
@ApplicationScoped
public class FaqCache {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] FIRST_VERSION = {'0'};

  /** How long an entry's version outlives its last change: longer than any value's TTL. */
  private static final long ENTRY_VERSION_SECONDS = Duration.ofDays(1).toSeconds();

  @Inject Cache cache;

  @Inject
  @ConfigProperty(name = "questions.cache.ttl", defaultValue = "PT5M")
  String ttl;

  long ttlSeconds;

  @PostConstruct
  void parseTtl() {
    ttlSeconds = Duration.parse(ttl).toSeconds();
    if (ttlSeconds >= ENTRY_VERSION_SECONDS) {
      throw new IllegalStateException("questions.cache.ttl must be shorter than a day: " + ttl);
    }
  }

  /** A page of the site's entries in {@code language}, asked for by {@code query}. */
  public byte[] page(String site, String language, String query, Supplier<byte[]> load) {
    String key = "oc:questions:page:" + site + ":" + language + ":" + sha256(query);
    return get(versionKey(site, language), key, load);
  }

  /** A published entry of {@code site} as the public reads it. */
  public byte[] entry(String site, UUID id, Supplier<byte[]> load) {
    return get(entryVersionKey(id), "oc:questions:entry:" + site + ":" + id, load);
  }

  /** What one change touched: an entry, its site and language. */
  public record Changed(String site, String language, UUID id) {}

  /**
   * Moves the changed entries and their sites' and languages' pages to new versions once the
   * current transaction has committed (at once without one).
   */
  public void changed(Collection<Changed> changes) {
    if (changes.isEmpty()) {
      return;
    }
    List<Changed> copy = List.copyOf(changes);
    cache.afterCommit(
        "moving FAQ pages and entries to new versions",
        redis -> {
          for (String key :
              copy.stream().map(c -> versionKey(c.site(), c.language())).distinct().toList()) {
            redis.incr(key);
          }
          for (Changed c : copy) {
            String key = entryVersionKey(c.id());
            redis.incr(key);
            redis.expire(key, ENTRY_VERSION_SECONDS);
          }
        });
  }

  public void changed(String site, String language, UUID id) {
    changed(List.of(new Changed(site, language, id)));
  }

  private byte[] get(String versionKey, String key, Supplier<byte[]> load) {
    if (ttlSeconds <= 0) {
      return load.get();
    }
    byte[] rawKey = key.getBytes(StandardCharsets.UTF_8);
    byte[] version = null;
    List<byte[]> found = cache.getAll(versionKey.getBytes(StandardCharsets.UTF_8), rawKey);
    if (found != null) {
      version = found.get(0) == null ? FIRST_VERSION : found.get(0);
      byte[] hit = decode(found.get(1), version);
      if (hit != null) {
        return hit;
      }
    }
    byte[] value = load.get();
    if (version != null) { // without the version read before the database, nothing is cached
      cache.put(rawKey, encode(version, value), ttlSeconds);
    }
    return value;
  }

  static String versionKey(String site, String language) {
    return "oc:questions:version:" + site + ":" + language;
  }

  static String entryVersionKey(UUID id) {
    return "oc:questions:entry-version:" + id;
  }

  /** {@code <version>\n<value>}. */
  static byte[] encode(byte[] version, byte[] value) {
    byte[] encoded = Arrays.copyOf(version, version.length + 1 + value.length);
    encoded[version.length] = '\n';
    System.arraycopy(value, 0, encoded, version.length + 1, value.length);
    return encoded;
  }

  /** The value a cached one holds if it was built at {@code version}, else null (a miss). */
  static byte[] decode(byte[] cached, byte[] version) {
    if (cached == null
        || cached.length <= version.length
        || cached[version.length] != '\n'
        || !Arrays.equals(cached, 0, version.length, version, 0, version.length)) {
      return null;
    }
    return Arrays.copyOfRange(cached, version.length + 1, cached.length);
  }

  static String sha256(String text) {
    try {
      return HEX.formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
