package io.opencommerce.contracts.deliveries;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.IntegrationEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A shipment was created or moved on: {@code status} is one of {@link #CREATED}, {@link
 * #IN_TRANSIT}, {@link #OUT_FOR_DELIVERY}, {@link #DELIVERED}, {@link #EXCEPTION}, {@link
 * #CANCELLED}. Consumers: orders (moves the order to shipped, then delivered).
 */
@EventType(name = "ShipmentStatusChanged", version = 1)
public record ShipmentStatusChanged(
    UUID shipmentId,
    UUID orderId,
    UUID customerId,
    String carrier,
    String trackingNumber,
    String status,
    LocalDate estimatedDelivery,
    Instant changedAt)
    implements IntegrationEvent {
  public static final String CREATED = "CREATED";
  public static final String IN_TRANSIT = "IN_TRANSIT";
  public static final String OUT_FOR_DELIVERY = "OUT_FOR_DELIVERY";
  public static final String DELIVERED = "DELIVERED";
  public static final String EXCEPTION = "EXCEPTION";
  public static final String CANCELLED = "CANCELLED";
}
