package io.opencommerce.sav.application;

import io.opencommerce.kit.persistence.DatabaseMigrations;
import io.opencommerce.kit.work.PeriodicWork;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The service's background work, shared by its replicas ({@link PeriodicWork}): offering queued
 * tickets to available agents every {@code sav.assignment.interval} (PT5S), scanning attachments
 * the scanner could not judge at upload, and counting the tickets past a deadline for the gauge
 * {@code sav_tickets_breached} every 10 seconds. (The kit purges the outbox and inbox itself.)
 */
@ApplicationScoped
public class SupportJobs {
  static final String BREACHED = "sav_tickets_breached";

  @Inject PeriodicWork work;
  @Inject Assignments assignments;
  @Inject Attachments attachments;
  @Inject SavSettings settings;
  @Inject MetricRegistry metrics;
  @Inject DatabaseMigrations database;

  private volatile long breached;

  void start(@Observes Startup startup) {
    work.every(
        settings.assignmentInterval(),
        Duration.ofSeconds(5),
        "Assigning queued tickets",
        50,
        assignments::assignQueued);
    work.every(
        Duration.ofSeconds(10),
        Duration.ofSeconds(10),
        "Scanning attachments left unscanned",
        20,
        attachments::scanPending);
    metrics.gauge(
        Metadata.builder()
            .withName(BREACHED)
            .withDescription(
                "Tickets not resolved or closed whose first response or resolution is overdue")
            .build(),
        () -> breached);
    work.every(
        Duration.ofSeconds(10),
        Duration.ofSeconds(5),
        "Counting tickets past their deadlines",
        1,
        max -> countBreached());
  }

  private int countBreached() throws Exception {
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM tickets WHERE status NOT IN ('RESOLVED', 'CLOSED')"
                    + " AND ((first_response_at IS NULL AND first_response_due < ?)"
                    + " OR resolution_due < ?)")) {
      statement.setTimestamp(1, now);
      statement.setTimestamp(2, now);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        breached = rows.getLong(1);
      }
    }
    return 0;
  }

  @PreDestroy
  void stop() {
    metrics.remove(new MetricID(BREACHED));
  }
}
