package io.opencommerce.baskets.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A basket priced from the current catalog. Items that can no longer be bought stay in the basket,
 * flagged: {@code unavailable} (gone or retired) or {@code out-of-stock}; only {@code ok} items
 * count in the subtotal.
 */
public record BasketView(
    UUID id, List<Line> lines, int itemCount, BigDecimal subtotal, String currency) {

  /** One product in the basket. */
  public record Line(
      UUID productId,
      String sku,
      String name,
      int quantity,
      BigDecimal unitPrice,
      BigDecimal lineTotal,
      String currency,
      String status) {}
}
