package io.opencommerce.products.client;

import java.util.UUID;

/**
 * How many units of a product can be sold now. Administrators also see what is on hand and reserved
 * (null for everyone else).
 */
public record StockView(UUID productId, int available, Integer onHand, Integer reserved) {}
