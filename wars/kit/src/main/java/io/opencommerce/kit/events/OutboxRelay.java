package io.opencommerce.kit.events;

import io.opencommerce.kit.config.ServiceIdentity;
import io.opencommerce.kit.persistence.DatabaseMigrations;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Moves the outbox to the broker: every {@code events.relay.interval} (200 ms) it publishes what is
 * pending; while the broker is away it backs off (up to 30 s) and the service keeps accepting
 * writes. The backlog (unpublished rows) is the gauge {@code outbox_backlog{service=…}}, what left
 * the counter {@code events_published_total{service=…}}.
 */
@ApplicationScoped
public class OutboxRelay {
  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  private static final int BATCH = 100;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
  private static final Duration PURGE_EVERY = Duration.ofHours(1);
  private static final String BACKLOG_METRIC = "outbox_backlog";
  private static final String PUBLISHED_METRIC = "events_published";

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject OutboxPublisher publisher;
  @Inject RabbitBroker broker;
  @Inject DatabaseMigrations database;
  @Inject ServiceIdentity service;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "events.relay.interval-ms", defaultValue = "200")
  long intervalMs;

  @Inject
  @ConfigProperty(name = "events.outbox.retention", defaultValue = "P7D")
  String retention;

  private ScheduledFuture<?> task;
  private Duration backoff = Duration.ZERO;
  private Instant nextAttempt = Instant.MIN;
  private Instant nextPurge = Instant.MIN;
  private volatile long backlog;
  private volatile Instant backlogAt = Instant.EPOCH;

  void start(@Observes Startup startup) {
    metrics.gauge(
        Metadata.builder()
            .withName(BACKLOG_METRIC)
            .withDescription("Integration events written to the outbox and not yet published")
            .build(),
        // Read a field only: the metrics endpoint's thread has no application context.
        () -> backlog,
        serviceTag());
    task = scheduler.scheduleWithFixedDelay(this::tick, 1000, intervalMs, TimeUnit.MILLISECONDS);
  }

  /** One run; catches everything, since an escaping exception would cancel all later runs. */
  void tick() {
    try {
      Instant now = Instant.now();
      countBacklog(now);
      if (now.isBefore(nextAttempt) || !broker.isConnected()) {
        return;
      }
      int published;
      do {
        published = publisher.publishBatch(BATCH);
        if (published > 0) {
          metrics.counter(PUBLISHED_METRIC, serviceTag()).inc(published);
        }
      } while (published == BATCH);
      if (!backoff.isZero()) {
        LOG.info("Outbox relay publishing again");
      }
      backoff = Duration.ZERO;
      if (now.isAfter(nextPurge)) {
        int purged = publisher.purgePublishedBefore(now.minus(Duration.parse(retention)));
        if (purged > 0) {
          LOG.info(() -> "Purged " + purged + " published outbox rows");
        }
        nextPurge = now.plus(PURGE_EVERY);
      }
    } catch (Throwable e) {
      backoff =
          backoff.isZero()
              ? Duration.ofMillis(500)
              : backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                  ? MAX_BACKOFF
                  : backoff.multipliedBy(2);
      nextAttempt = Instant.now().plus(backoff);
      LOG.log(
          Level.WARNING,
          "Outbox relay could not publish ({0}); next attempt in {1} ms",
          new Object[] {e.toString(), backoff.toMillis()});
    }
  }

  /** Counts unpublished outbox rows, at most once a second, for the gauge. */
  private void countBacklog(Instant now) {
    if (Duration.between(backlogAt, now).toMillis() >= 1000) {
      try (Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement();
          ResultSet rows =
              statement.executeQuery("SELECT COUNT(*) FROM outbox WHERE published_at IS NULL")) {
        rows.next();
        backlog = rows.getLong(1);
        backlogAt = now;
      } catch (Exception e) {
        LOG.log(Level.FINE, "Counting the outbox backlog failed", e);
      }
    }
  }

  private Tag serviceTag() {
    return new Tag("service", service.name());
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
    metrics.remove(new MetricID(BACKLOG_METRIC, serviceTag()));
  }
}
