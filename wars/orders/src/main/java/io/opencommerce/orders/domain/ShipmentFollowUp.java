package io.opencommerce.orders.domain;

import java.util.List;

/**
 * What an order made of news of its shipment ({@link Order#followShipment}): the status changes it
 * took, oldest first (none when the news moves it nowhere), and whether it is out of step: the
 * shipment moved on, but the order, neither confirmed nor shipped (placed, or cancelled), cannot
 * follow and was left as it is.
 */
public record ShipmentFollowUp(List<OrderTransition> transitions, boolean outOfStep) {
  public ShipmentFollowUp {
    transitions = List.copyOf(transitions);
  }

  /** Whether the order's status changed. */
  public boolean moved() {
    return !transitions.isEmpty();
  }
}
