package io.opencommerce.addresses.client;

import java.time.Instant;
import java.util.UUID;

/** An address in a customer's book. */
public record AddressView(
    UUID id,
    UUID ownerId,
    String label,
    String recipient,
    String company,
    String line1,
    String line2,
    String postalCode,
    String city,
    String region,
    String country,
    String phone,
    boolean defaultBilling,
    boolean defaultShipping,
    long version,
    Instant updatedAt) {}
