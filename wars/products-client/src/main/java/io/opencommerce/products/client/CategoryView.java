package io.opencommerce.products.client;

import java.util.UUID;

/** A catalog category. */
public record CategoryView(UUID id, String slug, String name) {}
