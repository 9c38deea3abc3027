package io.opencommerce.contracts.products;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.IntegrationEvent;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A product was created, changed or retired. Carries what baskets need to re-price and flag items:
 * the current price and whether the product can still be sold. {@code version} rises with every
 * change of the product, so a read model keeps the newest whatever order events arrive in (0 from
 * publishers that predate it).
 */
@EventType(name = "ProductChanged", version = 1)
public record ProductChanged(
    UUID productId,
    String sku,
    String change,
    String name,
    BigDecimal price,
    String currency,
    boolean active,
    long version)
    implements IntegrationEvent {

  public static final String CREATED = "created";
  public static final String UPDATED = "updated";
  public static final String RETIRED = "retired";
}
