package io.opencommerce.contracts.orders;

import java.math.BigDecimal;
import java.util.UUID;

/** One product of an order, at the price it was sold for. */
public record OrderLine(
    UUID productId, String sku, String name, int quantity, BigDecimal unitPrice) {}
