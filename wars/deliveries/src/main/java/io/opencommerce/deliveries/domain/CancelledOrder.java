package io.opencommerce.deliveries.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An order cancelled before its shipment was booked: no shipment is opened for it afterwards,
 * whenever its {@code OrderPlaced} arrives. Never changed once written.
 */
@Entity
@Table(name = "cancelled_orders")
public class CancelledOrder {
  @Id
  @Column(name = "order_id", length = 36)
  private String orderId;

  /** When the service learnt of the cancellation. */
  @Column(name = "cancelled_at", nullable = false)
  private Instant cancelledAt;

  protected CancelledOrder() {}

  public CancelledOrder(UUID orderId, Instant cancelledAt) {
    this.orderId = Objects.requireNonNull(orderId, "orderId is required").toString();
    this.cancelledAt = Objects.requireNonNull(cancelledAt, "cancelledAt is required");
  }

  public UUID orderId() {
    return UUID.fromString(orderId);
  }

  public Instant cancelledAt() {
    return cancelledAt;
  }
}
