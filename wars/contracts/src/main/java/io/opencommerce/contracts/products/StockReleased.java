package io.opencommerce.contracts.products;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.IntegrationEvent;
import java.util.List;
import java.util.UUID;

/**
 * Reserved or sold units went back on sale: {@code reason} is {@code released}, {@code expired} or
 * {@code order-cancelled}.
 */
@EventType(name = "StockReleased", version = 1)
public record StockReleased(
    UUID reservationId, String reference, List<StockLine> lines, String reason)
    implements IntegrationEvent {}
