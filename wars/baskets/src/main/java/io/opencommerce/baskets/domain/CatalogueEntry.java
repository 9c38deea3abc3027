package io.opencommerce.baskets.domain;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * What a basket shows of one product, from the baskets service's read model of the catalogue: its
 * name and price, whether it is still sold, and the units available. {@code known} is false while
 * only the stock of the product has been heard of.
 */
public record CatalogueEntry(
    UUID productId,
    String sku,
    String name,
    BigDecimal price,
    String currency,
    boolean active,
    boolean known,
    boolean stockKnown,
    int available) {

  public CatalogueEntry {
    Objects.requireNonNull(productId);
  }

  /** Whether a customer may put the product in a basket: known to the catalogue and still sold. */
  public boolean sellable() {
    return known && active;
  }
}
