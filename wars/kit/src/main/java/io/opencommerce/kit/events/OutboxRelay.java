package io.opencommerce.kit.events;

import io.opencommerce.kit.config.ServiceIdentity;
import io.opencommerce.kit.persistence.DatabaseMigrations;
import io.opencommerce.kit.work.PeriodicWork;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Moves the outbox to the broker: every {@code events.relay.interval-ms} (200 ms) it publishes what
 * is pending, in batches of {@value #BATCH}; while the broker is away the rows wait and the service
 * keeps accepting writes, and a failed publish backs off ({@link PeriodicWork}). The backlog
 * (unpublished rows, counted every second) is the gauge {@code outbox_backlog{service=…}}, what
 * left the counter {@code events_published_total{service=…}}. Published rows are purged by {@link
 * EventRetention}. A service without a database ({@code platform.datasource=none}) has no outbox:
 * nothing is relayed and no backlog is reported.
 */
@ApplicationScoped
public class OutboxRelay {
  private static final int BATCH = 100;
  private static final String BACKLOG_METRIC = "outbox_backlog";
  private static final String PUBLISHED_METRIC = "events_published";

  @Inject PeriodicWork work;
  @Inject OutboxPublisher publisher;
  @Inject RabbitBroker broker;
  @Inject DatabaseMigrations database;
  @Inject ServiceIdentity service;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "events.relay.interval-ms", defaultValue = "200")
  long intervalMs;

  private volatile long backlog;

  void start(@Observes Startup startup) {
    if (database.withoutDatabase()) {
      return; // no outbox to relay (platform.datasource=none)
    }
    metrics.gauge(
        Metadata.builder()
            .withName(BACKLOG_METRIC)
            .withDescription("Integration events written to the outbox and not yet published")
            .build(),
        // Read a field only: the metrics endpoint's thread has no application context.
        () -> backlog,
        serviceTag());
    Duration second = Duration.ofSeconds(1);
    work.every(
        Duration.ofMillis(intervalMs), second, "Publishing the outbox", BATCH, this::publish);
    work.every(second, second, "Counting the outbox backlog", 1, max -> countBacklog());
  }

  /** One batch; nothing while the broker is away (the rows wait). */
  int publish(int max) throws Exception {
    if (!broker.isConnected()) {
      return 0;
    }
    int published = publisher.publishBatch(max);
    if (published > 0) {
      metrics.counter(PUBLISHED_METRIC, serviceTag()).inc(published);
    }
    return published;
  }

  private int countBacklog() throws Exception {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT COUNT(*) FROM outbox WHERE published_at IS NULL")) {
      rows.next();
      backlog = rows.getLong(1);
    }
    return 0;
  }

  private Tag serviceTag() {
    return new Tag("service", service.name());
  }

  @PreDestroy
  void stop() {
    if (database.withoutDatabase()) {
      return;
    }
    metrics.remove(new MetricID(BACKLOG_METRIC, serviceTag()));
  }
}
