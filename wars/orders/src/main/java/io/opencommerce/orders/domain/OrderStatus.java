package io.opencommerce.orders.domain;

/**
 * Where an order stands: placed → confirmed (payment step passed) → shipped → delivered; it can be
 * cancelled until it ships.
 */
public enum OrderStatus {
  PLACED,
  CONFIRMED,
  SHIPPED,
  DELIVERED,
  CANCELLED;

  /** Whether the status machine allows going from this status straight to {@code next}. */
  public boolean canMoveTo(OrderStatus next) {
    return switch (this) {
      case PLACED -> next == CONFIRMED || next == CANCELLED;
      case CONFIRMED -> next == SHIPPED || next == CANCELLED;
      case SHIPPED -> next == DELIVERED;
      case DELIVERED, CANCELLED -> false;
    };
  }

  /** Whether this status comes at or after {@code other} on the way to delivery. */
  public boolean reached(OrderStatus other) {
    return this != CANCELLED && other != CANCELLED && ordinal() >= other.ordinal();
  }
}
