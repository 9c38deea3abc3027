package io.opencommerce.products.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A reservation: HELD until it expires, then COMMITTED, RELEASED or EXPIRED. */
public record ReservationView(
    UUID id, String status, String reference, List<LineView> lines, Instant expiresAt) {

  /** A held quantity of one product. */
  public record LineView(UUID productId, int quantity) {}
}
