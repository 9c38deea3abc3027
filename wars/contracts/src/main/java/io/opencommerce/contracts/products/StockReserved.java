package io.opencommerce.contracts.products;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Units were put aside for a checkout until {@code expiresAt}, unless committed or released. */
@EventType(name = "StockReserved", version = 1)
public record StockReserved(
    UUID reservationId, String reference, List<StockLine> lines, Instant expiresAt)
    implements IntegrationEvent {}
