package io.opencommerce.products.client;

/** A product as the catalog shows it, with how many units can be sold now. */
public record ProductAvailability(ProductView product, int available) {}
