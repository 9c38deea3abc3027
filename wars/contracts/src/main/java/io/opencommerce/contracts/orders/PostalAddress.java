package io.opencommerce.contracts.orders;

/** Where an order goes, as it was when the order was placed (a copy, not a reference). */
public record PostalAddress(
    String recipient,
    String company,
    String line1,
    String line2,
    String postalCode,
    String city,
    String region,
    String country,
    String phone) {}
