package io.opencommerce.deliveries.client;

/** Where a shipment goes: a copy of the order's shipping address as it was when it was placed. */
public record ShipmentAddress(
    String recipient,
    String company,
    String line1,
    String line2,
    String postalCode,
    String city,
    String region,
    String country,
    String phone) {}
