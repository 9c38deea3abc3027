package io.opencommerce.sav.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An order as this service knows it, from {@code OrderPlaced}: its number and its customer, enough
 * to check that the order a ticket names is the customer's own without calling the orders service.
 */
@Entity
@Table(name = "known_orders")
public class KnownOrder {
  @Id
  @Column(name = "order_id", length = 36)
  private String orderId;

  @Column(nullable = false, length = 20)
  private String number;

  @Column(name = "customer_id", nullable = false, length = 36)
  private String customerId;

  @Column(nullable = false, length = 40)
  private String site;

  @Column(name = "placed_at", nullable = false)
  private Instant placedAt;

  protected KnownOrder() {}

  public KnownOrder(UUID orderId, String number, UUID customerId, String site, Instant placedAt) {
    this.orderId = orderId.toString();
    this.number = number;
    this.customerId = customerId.toString();
    this.site = site;
    this.placedAt = placedAt;
  }

  public UUID orderId() {
    return UUID.fromString(orderId);
  }

  public String number() {
    return number;
  }

  public UUID customerId() {
    return UUID.fromString(customerId);
  }

  public boolean isOwnedBy(UUID customer) {
    return customerId.equals(customer.toString());
  }
}
