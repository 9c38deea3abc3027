package io.opencommerce.contracts.products;

import java.util.UUID;

/** A quantity of one product in a stock event. */
public record StockLine(UUID productId, int quantity) {}
