package io.opencommerce.orders.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** One status change of an order: from what, to what, when, by whom and why. */
@Embeddable
public class OrderTransition {
  @Enumerated(EnumType.STRING)
  @Column(name = "from_status", length = 20)
  private OrderStatus from;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", nullable = false, length = 20)
  private OrderStatus to;

  @Column(name = "changed_at", nullable = false)
  private Instant at;

  @Column(nullable = false, length = 100)
  private String actor;

  @Column(length = 500)
  private String reason;

  protected OrderTransition() {}

  OrderTransition(OrderStatus from, OrderStatus to, Instant at, String actor, String reason) {
    this.from = from;
    this.to = to;
    this.at = at;
    this.actor = actor;
    this.reason = reason;
  }

  public OrderStatus from() {
    return from;
  }

  public OrderStatus to() {
    return to;
  }

  public Instant at() {
    return at;
  }

  public String actor() {
    return actor;
  }

  public String reason() {
    return reason;
  }
}
