package io.opencommerce.deliveries.client;

import java.util.UUID;

/**
 * The deliveries service's confirmation that an order's shipment is stopped: {@code shipmentId} and
 * {@code status} ({@code CANCELLED}) when the order had one, both null when it had none yet (none
 * will be opened).
 */
public record ShipmentCancellation(UUID orderId, UUID shipmentId, String status) {}
