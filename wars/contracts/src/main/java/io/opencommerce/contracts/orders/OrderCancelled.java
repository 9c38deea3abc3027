package io.opencommerce.contracts.orders;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.IntegrationEvent;
import java.util.List;
import java.util.UUID;

/**
 * An order was cancelled before it shipped. Consumers: products (puts the reserved or sold units
 * back in stock).
 */
@EventType(name = "OrderCancelled", version = 1)
public record OrderCancelled(
    UUID orderId,
    String number,
    UUID customerId,
    UUID reservationId,
    List<OrderLine> lines,
    String reason)
    implements IntegrationEvent {}
