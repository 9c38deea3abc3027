package io.opencommerce.kit.persistence;

import java.util.UUID;

/** A customer's record (an address, an order, a shipment): its owner and staff may read it. */
public interface Owned extends SiteScoped {
  boolean isOwnedBy(UUID customer);
}
