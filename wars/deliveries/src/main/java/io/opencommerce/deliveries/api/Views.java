package io.opencommerce.deliveries.api;

import io.opencommerce.deliveries.client.ShipmentSummary;
import io.opencommerce.deliveries.client.ShipmentView;
import io.opencommerce.deliveries.client.TrackingEventView;
import io.opencommerce.deliveries.client.TrackingView;
import io.opencommerce.deliveries.domain.DeliveryAddress;
import io.opencommerce.deliveries.domain.Shipment;
import io.opencommerce.deliveries.domain.TrackingEvent;
import java.util.List;

/** Maps shipments to the records of the public API. */
final class Views {
  private Views() {}

  static ShipmentSummary summary(Shipment s) {
    return new ShipmentSummary(
        s.id(),
        s.orderId(),
        s.orderNumber(),
        s.customerId(),
        s.carrier(),
        s.trackingNumber(),
        s.status().name(),
        s.estimatedDelivery(),
        s.itemCount(),
        s.createdAt(),
        s.updatedAt());
  }

  static ShipmentView shipment(Shipment s) {
    DeliveryAddress a = s.address();
    return new ShipmentView(
        s.id(),
        s.orderId(),
        s.orderNumber(),
        s.customerId(),
        s.carrier(),
        s.trackingNumber(),
        s.status().name(),
        s.estimatedDelivery(),
        s.itemCount(),
        a.toPostalAddress(),
        events(s),
        s.createdAt(),
        s.updatedAt());
  }

  /** What anyone with the tracking number may see: no names, address, order or customer. */
  static TrackingView tracking(Shipment s) {
    return new TrackingView(
        s.trackingNumber(), s.carrier(), s.status().name(), s.estimatedDelivery(), events(s));
  }

  private static List<TrackingEventView> events(Shipment s) {
    return s.events().stream().map(Views::event).toList();
  }

  private static TrackingEventView event(TrackingEvent e) {
    return new TrackingEventView(e.status().name(), e.occurredAt(), e.location(), e.description());
  }
}
