package io.opencommerce.products.application;

import io.opencommerce.contracts.orders.OrderCancelled;
import io.opencommerce.contracts.orders.OrderPlaced;
import io.opencommerce.kit.events.Received;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The stock side of orders: a placed order's reservation is sold; a cancelled order's units come
 * back, whether they were still held or already sold.
 */
@ApplicationScoped
public class OrderStock {
  @Inject Reservations reservations;

  void placed(@Observes @Received(inAnyOrder = true) OrderPlaced order) {
    reservations.commitForOrder(order.reservationId(), order.number());
  }

  void cancelled(@Observes @Received(inAnyOrder = true) OrderCancelled order) {
    reservations.giveBackForOrder(order.reservationId(), order.number());
  }
}
