package io.opencommerce.products.domain;

import io.opencommerce.kit.persistence.SiteScoped;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Units held for one checkout. A reservation is made by a service (its client, which alone may see
 * and change it) for a customer, and is held until it expires; then it ends exactly once: committed
 * (the units are sold), released (given back) or expired (given back by the platform).
 */
@Entity
@Table(name = "reservations")
public class Reservation implements SiteScoped {
  /** Where a reservation stands. */
  public enum Status {
    HELD,
    COMMITTED,
    RELEASED,
    EXPIRED,
    /** Sold, then given back (the order was cancelled before it shipped). */
    RETURNED
  }

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false)
  private String site;

  /** The service that made the reservation. */
  @Column(nullable = false, length = 40)
  private String client;

  /** The customer it was made for. */
  @Column(name = "owner_id", nullable = false, length = 36)
  private String customerId;

  private String reference;

  @Column(name = "idempotency_key")
  private String idempotencyKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "reservation_lines", joinColumns = @JoinColumn(name = "reservation_id"))
  private List<ReservationLine> lines = new ArrayList<>();

  @Version private long version;

  protected Reservation() {}

  public Reservation(
      String site,
      String client,
      UUID customerId,
      String reference,
      String idempotencyKey,
      List<ReservationLine> lines,
      Instant now,
      Duration holdFor) {
    if (lines == null || lines.isEmpty()) {
      throw new IllegalArgumentException("a reservation holds at least one line");
    }
    this.id = UUID.randomUUID().toString();
    this.site = Objects.requireNonNull(site);
    this.client = Objects.requireNonNull(client);
    this.customerId = customerId.toString();
    this.reference = reference;
    this.idempotencyKey = idempotencyKey;
    this.lines = new ArrayList<>(lines);
    this.status = Status.HELD;
    this.createdAt = now;
    this.updatedAt = now;
    this.expiresAt = now.plus(holdFor);
  }

  /** Sells the held units; false when the reservation is no longer held (or ran out of time). */
  public boolean commit(Instant now) {
    if (status != Status.HELD || !now.isBefore(expiresAt)) {
      return false;
    }
    return moveTo(Status.COMMITTED, now);
  }

  /** Gives the units back; false when they were already given back or sold. */
  public boolean release(Instant now) {
    return status == Status.HELD && moveTo(Status.RELEASED, now);
  }

  /** Gives the units back because time ran out; false while time remains or when already ended. */
  public boolean expire(Instant now) {
    return status == Status.HELD && !now.isBefore(expiresAt) && moveTo(Status.EXPIRED, now);
  }

  /**
   * Sells the units of a reservation that ran out of time before its order was confirmed to this
   * service, once they have been held again; false unless the reservation had expired.
   */
  public boolean commitLate(Instant now) {
    return status == Status.EXPIRED && moveTo(Status.COMMITTED, now);
  }

  /** Takes sold units back; false unless the reservation was committed. */
  public boolean giveBack(Instant now) {
    return status == Status.COMMITTED && moveTo(Status.RETURNED, now);
  }

  private boolean moveTo(Status next, Instant now) {
    status = next;
    updatedAt = now;
    return true;
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  @Override
  public String site() {
    return site;
  }

  public String client() {
    return client;
  }

  public UUID customerId() {
    return UUID.fromString(customerId);
  }

  public String reference() {
    return reference;
  }

  public Status status() {
    return status;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public List<ReservationLine> lines() {
    return List.copyOf(lines);
  }
}
