package io.opencommerce.deliveries.client;

import io.opencommerce.contracts.orders.PostalAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A shipment in full, for its customer and administrators: the order it carries, the carrier's
 * tracking number and estimated delivery date, the address copy and the journey (oldest first).
 * {@code status} is one of {@code CREATED}, {@code IN_TRANSIT}, {@code OUT_FOR_DELIVERY}, {@code
 * DELIVERED}, {@code EXCEPTION}, {@code CANCELLED}.
 */
public record ShipmentView(
    UUID id,
    UUID orderId,
    String orderNumber,
    UUID customerId,
    String carrier,
    String trackingNumber,
    String status,
    LocalDate estimatedDelivery,
    int itemCount,
    PostalAddress shippingAddress,
    List<TrackingEventView> events,
    Instant createdAt,
    Instant updatedAt) {}
