package io.opencommerce.orders.api;

import io.opencommerce.orders.client.OrderView;
import io.opencommerce.orders.domain.Order;
import io.opencommerce.orders.domain.OrderTransition;

/** Orders as the API shows them. */
final class OrderViews {
  private OrderViews() {}

  static OrderView of(Order order) {
    return new OrderView(
        order.id(),
        order.number(),
        order.customerId(),
        order.status().name(),
        order.lines().stream()
            .map(
                l ->
                    new OrderView.Line(
                        l.productId(),
                        l.sku(),
                        l.name(),
                        l.quantity(),
                        l.unitPrice(),
                        l.lineTotal()))
            .toList(),
        order.itemCount(),
        order.subtotal(),
        order.total(),
        order.currency(),
        order.shippingAddress(),
        order.billingAddress(),
        new OrderView.Payment(
            order.paymentProvider(), order.paymentStatus(), order.paymentReference()),
        order.shipmentId() == null
            ? null
            : new OrderView.Shipment(
                order.shipmentId(),
                order.carrier(),
                order.trackingNumber(),
                order.shipmentStatus(),
                order.estimatedDelivery()),
        order.history().stream().map(OrderViews::of).toList(),
        order.placedAt(),
        order.updatedAt());
  }

  private static OrderView.Transition of(OrderTransition t) {
    return new OrderView.Transition(
        t.from() == null ? null : t.from().name(), t.to().name(), t.at(), t.actor(), t.reason());
  }
}
