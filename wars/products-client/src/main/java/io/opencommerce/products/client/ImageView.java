package io.opencommerce.products.client;

import java.time.Instant;
import java.util.UUID;

/** A product image and a URL to fetch it from object storage, valid until {@code urlExpiresAt}. */
public record ImageView(
    UUID id, String contentType, long size, int position, String url, Instant urlExpiresAt) {}
