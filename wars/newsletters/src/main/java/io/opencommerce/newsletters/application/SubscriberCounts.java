package io.opencommerce.newsletters.application;

import io.opencommerce.kit.persistence.DatabaseMigrations;
import io.opencommerce.kit.work.PeriodicWork;
import io.opencommerce.newsletters.domain.SubscriptionStatus;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The gauge {@code newsletter_subscribers{status}}: how many subscribers of every site are pending,
 * confirmed and unsubscribed, counted every 10 seconds (what an operator watches: confirmations
 * that never come, a wave of unsubscriptions after a campaign).
 */
@ApplicationScoped
public class SubscriberCounts {
  static final String METRIC = "newsletter_subscribers";

  @Inject PeriodicWork work;
  @Inject MetricRegistry metrics;
  @Inject DatabaseMigrations database;

  private final Map<SubscriptionStatus, Long> counts = new ConcurrentHashMap<>();

  void start(@Observes Startup startup) {
    Metadata metadata =
        Metadata.builder()
            .withName(METRIC)
            .withDescription("Subscribers of the sites' newsletters, by status")
            .build();
    for (SubscriptionStatus status : SubscriptionStatus.values()) {
      counts.put(status, 0L);
      metrics.gauge(metadata, () -> counts.get(status), tag(status));
    }
    work.every(
        Duration.ofSeconds(10), Duration.ofSeconds(5), "Counting subscribers", 1, max -> count());
  }

  private int count() throws Exception {
    Map<SubscriptionStatus, Long> fresh = new EnumMap<>(SubscriptionStatus.class);
    for (SubscriptionStatus status : SubscriptionStatus.values()) {
      fresh.put(status, 0L);
    }
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("SELECT status, COUNT(*) FROM subscribers GROUP BY status")) {
      while (rows.next()) {
        fresh.put(SubscriptionStatus.valueOf(rows.getString(1)), rows.getLong(2));
      }
    }
    counts.putAll(fresh);
    return 0;
  }

  private static Tag tag(SubscriptionStatus status) {
    return new Tag("status", status.name());
  }

  @PreDestroy
  void stop() {
    for (SubscriptionStatus status : SubscriptionStatus.values()) {
      metrics.remove(new MetricID(METRIC, tag(status)));
    }
  }
}
