package io.opencommerce.products.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Stock counted by hand: an administrator sets the units on hand of a product of the site. One
 * transaction checks the product, changes the level (announcing it) and reads it back.
 */
@ApplicationScoped
@Transactional
public class StockLevels {
  @Inject Catalog catalog;
  @Inject StockLedger ledger;

  /**
   * Sets the units on hand of a product of the request's site, retired ones included, and returns
   * its level as the change leaves it, {on_hand, reserved}. An unknown product is a 404, a count
   * below what is reserved a 409; either leaves the level as it was.
   */
  public int[] setOnHand(UUID productId, int onHand) {
    catalog.get(productId, true);
    ledger.setOnHand(productId, onHand);
    return ledger.level(productId);
  }
}
