package io.opencommerce.contracts.orders;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.IntegrationEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer placed an order. Consumers: products (commits the stock reservation), baskets (takes
 * the ordered products out of the basket), deliveries (creates the shipment).
 */
@EventType(name = "OrderPlaced", version = 1)
public record OrderPlaced(
    UUID orderId,
    String number,
    UUID customerId,
    UUID reservationId,
    List<OrderLine> lines,
    BigDecimal total,
    String currency,
    PostalAddress shippingAddress,
    Instant placedAt)
    implements IntegrationEvent {}
