package io.opencommerce.deliveries.client;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A shipment as lists show it; {@link ShipmentView} adds the address and the journey. */
public record ShipmentSummary(
    UUID id,
    UUID orderId,
    String orderNumber,
    UUID customerId,
    String carrier,
    String trackingNumber,
    String status,
    LocalDate estimatedDelivery,
    int itemCount,
    Instant createdAt,
    Instant updatedAt) {}
