package io.opencommerce.kit.events;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** One integration event waiting in the service's outbox until the relay has published it. */
@Entity
@Table(name = "outbox")
public class OutboxMessage {
  @Id
  @Column(length = 36)
  private String id;

  @Column(name = "event_type", nullable = false)
  private String eventType;

  @Column(name = "event_version", nullable = false)
  private int eventVersion;

  @Column(nullable = false)
  private String payload;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(nullable = false)
  private String site;

  @Column(name = "correlation_id", nullable = false)
  private String correlationId;

  private String traceparent;

  @Column(name = "published_at")
  private Instant publishedAt;

  @Column(insertable = false, updatable = false)
  private Long seq;

  /** Deleted once published rather than kept ({@code EventType#sensitive}). */
  @Column(name = "carries_secret", nullable = false)
  private boolean sensitive;

  protected OutboxMessage() {}

  public OutboxMessage(EventEnvelope envelope, String payload, boolean sensitive) {
    this.id = Objects.requireNonNull(envelope.id(), "event id is required");
    this.eventType = envelope.type();
    this.eventVersion = envelope.version();
    this.occurredAt = envelope.occurredAt();
    this.site = envelope.site();
    this.correlationId = envelope.correlationId();
    this.traceparent = envelope.traceparent();
    this.payload = Objects.requireNonNull(payload, "payload is required");
    this.sensitive = sensitive;
  }

  public EventEnvelope envelope(String source) {
    return new EventEnvelope(
        id, eventType, eventVersion, occurredAt, site, correlationId, traceparent, source);
  }

  public String id() {
    return id;
  }

  public String payload() {
    return payload;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  boolean sensitive() {
    return sensitive;
  }

  void markPublished(Instant when) {
    this.publishedAt = when;
  }
}
