package io.opencommerce.products.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A reservation: HELD until it expires, then COMMITTED, RELEASED or EXPIRED. Each line carries the
 * catalogue's unit price the units were held at: the authoritative price for the order.
 */
public record ReservationView(
    UUID id,
    String status,
    UUID customerId,
    String reference,
    List<LineView> lines,
    Instant expiresAt) {

  /** A held quantity of one product, at its price when held. */
  public record LineView(UUID productId, int quantity, BigDecimal unitPrice, String currency) {}
}
