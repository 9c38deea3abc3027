package io.opencommerce.orders.application;

import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.orders.domain.Order;
import io.opencommerce.orders.domain.OrderStatus;
import io.opencommerce.orders.infrastructure.DeliveriesService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Cancelling an order: a request that the deliveries service confirms. The order hears of its
 * shipment's progress only through events, so a confirmed order whose parcel has just left may
 * still look cancellable here; deliveries, which owns the shipment, stops it first (or refuses
 * because the parcel has left), and only then is the order cancelled and its units given back
 * ({@code OrderCancelled}). Nothing is held while deliveries is asked.
 *
 * <p>When deliveries cannot be reached the answer is 503 and the order is left as it is; asking
 * again is safe, since deliveries answers the same for a shipment it has already stopped.
 */
@ApplicationScoped
public class Cancellations {
  @Inject Orders orders;
  @Inject DeliveriesService deliveries;

  /**
   * Cancels the order (its owner, or an administrator); cancelling a cancelled order changes
   * nothing. 409 {@code order-not-cancellable} when the order has shipped, or when deliveries
   * reports that its parcel has left, saying so.
   */
  public Order cancel(UUID id, UUID caller, boolean admin, String reason) {
    Order order = orders.get(id, caller, admin);
    if (order.status() == OrderStatus.CANCELLED) {
      return order;
    }
    Orders.requireCancellable(order);
    try {
      deliveries.stopShipment(order.id());
    } catch (ProblemException refusal) {
      if (DeliveriesService.PARCEL_LEFT.equals(refusal.code())) {
        throw ProblemException.conflict("order-not-cancellable", refusal.getMessage());
      }
      throw refusal;
    }
    return orders.cancel(id, caller, admin, reason);
  }
}
