package io.opencommerce.deliveries.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One accepted status change of a shipment, kept for its journey: the status reached, when it
 * happened (as the carrier says), where, and what happened. Never changed once written.
 */
@Entity
@Table(name = "shipment_events")
public class TrackingEvent {
  @Id
  @Column(length = 36)
  private String id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "shipment_id", nullable = false)
  private Shipment shipment;

  /** Position in the shipment's journey, from 1. */
  @Column(nullable = false)
  private int seq;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private ShipmentStatus status;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  private String location;

  private String description;

  @Column(name = "recorded_at", nullable = false)
  private Instant recordedAt;

  protected TrackingEvent() {}

  TrackingEvent(
      Shipment shipment,
      int seq,
      ShipmentStatus status,
      Instant occurredAt,
      String location,
      String description,
      Instant recordedAt) {
    this.id = UUID.randomUUID().toString();
    this.shipment = Objects.requireNonNull(shipment);
    this.seq = seq;
    this.status = Objects.requireNonNull(status);
    this.occurredAt = Objects.requireNonNull(occurredAt);
    this.location = location;
    this.description = description;
    this.recordedAt = Objects.requireNonNull(recordedAt);
  }

  public int seq() {
    return seq;
  }

  public ShipmentStatus status() {
    return status;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String location() {
    return location;
  }

  public String description() {
    return description;
  }

  public Instant recordedAt() {
    return recordedAt;
  }
}
