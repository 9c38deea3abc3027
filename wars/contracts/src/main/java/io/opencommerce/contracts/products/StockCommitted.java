package io.opencommerce.contracts.products;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.IntegrationEvent;
import java.util.List;
import java.util.UUID;

/** Reserved units were sold: they left the stock on hand. */
@EventType(name = "StockCommitted", version = 1)
public record StockCommitted(UUID reservationId, String reference, List<StockLine> lines)
    implements IntegrationEvent {}
