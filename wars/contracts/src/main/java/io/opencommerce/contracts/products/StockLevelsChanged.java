package io.opencommerce.contracts.products;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.IntegrationEvent;
import java.util.List;
import java.util.UUID;

/**
 * The units available to sell changed for these products (a reservation, a release, an expiry, a
 * return, a count). Carries what a read model of the catalogue needs to say whether units are
 * available, without asking the products service: the units available now and the stock level's
 * version, which rises with every change, so the newest wins whatever order events arrive in.
 */
@EventType(name = "StockLevelsChanged", version = 1)
public record StockLevelsChanged(List<Level> levels) implements IntegrationEvent {

  /** One product's units available to sell, as of {@code version}. */
  public record Level(UUID productId, int available, long version) {}
}
