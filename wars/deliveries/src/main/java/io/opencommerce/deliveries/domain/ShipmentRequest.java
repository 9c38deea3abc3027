package io.opencommerce.deliveries.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What a carrier is told of a parcel to book: the order it carries, where it goes ({@code country},
 * ISO 3166-1 alpha-2, and {@code postalCode}), how many items, and when the order was placed.
 */
public record ShipmentRequest(
    UUID orderId,
    String orderNumber,
    String country,
    String postalCode,
    int itemCount,
    Instant placedAt) {}
