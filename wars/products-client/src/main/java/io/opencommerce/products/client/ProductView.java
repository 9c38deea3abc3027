package io.opencommerce.products.client;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A product as the catalog shows it. {@code version} rises with every change. */
public record ProductView(
    UUID id,
    String sku,
    String name,
    String description,
    CategoryView category,
    BigDecimal price,
    String currency,
    Map<String, String> attributes,
    boolean active,
    long version,
    Instant updatedAt) {}
