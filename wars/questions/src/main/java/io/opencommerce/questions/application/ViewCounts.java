package io.opencommerce.questions.application;

import io.opencommerce.kit.work.PeriodicWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Counts the reads of published entries without writing to the database on every read: a read adds
 * one to the entry's field of a Redis hash ({@code HINCRBY oc:questions:views <id> 1}, one cheap
 * round trip, no row lock), and every {@code questions.views.flush-interval} (PT5S) one replica
 * takes the whole hash ({@code RENAME} to a key of its own, atomic: no read is counted twice or
 * taken by two replicas), adds the counts to the entries in one transaction and deletes it. If the
 * database refuses, the counts go back into the hash for the next run.
 *
 * <p>View counts are an indication, not business data: the reads counted since the last flush are
 * lost if Redis is lost or a replica dies in the middle of a flush, and reads are not counted while
 * Redis is away (the read itself is served all the same).
 */
@ApplicationScoped
public class ViewCounts {
  private static final Logger LOG = Logger.getLogger(ViewCounts.class.getName());
  static final String KEY = "oc:questions:views";

  @Inject RedisClient redis;
  @Inject PeriodicWork work;
  @Inject Entries entries;

  @Inject
  @ConfigProperty(name = "questions.views.flush-interval", defaultValue = "PT5S")
  String flushInterval;

  void start(@Observes Startup startup) {
    Duration interval = Duration.parse(flushInterval);
    work.every(interval, interval, "Adding counted reads to the FAQ entries", 1, max -> flush());
  }

  /** Counts one read of entry {@code id}; a Redis that cannot take it loses the read, not it. */
  public void viewed(UUID id) {
    try {
      redis.hincrBy(KEY, id.toString(), 1);
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "A read of FAQ entry {0} was not counted: {1}", new Object[] {id, e});
    }
  }

  /** Adds the reads counted so far to the entries; 0 (a run never repeats at once). */
  int flush() {
    if (!redis.exists(KEY)) {
      return 0;
    }
    String claimed = KEY + ":flushing:" + UUID.randomUUID();
    try {
      redis.rename(KEY, claimed);
    } catch (JedisDataException e) {
      return 0; // another replica took them first
    }
    Map<String, String> counted = redis.hgetAll(claimed);
    Map<UUID, Long> views = new HashMap<>();
    counted.forEach(
        (id, count) -> {
          try {
            views.merge(UUID.fromString(id), Long.parseLong(count), Long::sum);
          } catch (IllegalArgumentException e) {
            LOG.log(
                Level.WARNING,
                "Ignoring a view count that is not one: {0}={1}",
                new Object[] {id, count});
          }
        });
    try {
      entries.addViews(views);
    } catch (RuntimeException e) {
      counted.forEach(
          (id, count) -> {
            try {
              redis.hincrBy(KEY, id, Long.parseLong(count));
            } catch (NumberFormatException ignored) {
              // dropped with the warning above
            }
          });
      redis.del(claimed);
      throw e;
    }
    redis.del(claimed);
    return 0;
  }
}
