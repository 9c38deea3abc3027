package io.opencommerce.newsletters.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * An order's number and customer, learnt from {@code OrderPlaced}: what a shipment mail names,
 * since {@code ShipmentStatusChanged} carries the order's id only.
 */
@Entity
@Table(name = "known_orders")
public class KnownOrder {
  @Id
  @Column(name = "order_id", length = 36)
  private String orderId;

  @Column(nullable = false)
  private String number;

  @Column(name = "customer_id", length = 36)
  private String customerId;

  protected KnownOrder() {}

  public KnownOrder(UUID orderId, String number, UUID customerId) {
    this.orderId = orderId.toString();
    this.number = number;
    this.customerId = customerId == null ? null : customerId.toString();
  }

  public String number() {
    return number;
  }
}
