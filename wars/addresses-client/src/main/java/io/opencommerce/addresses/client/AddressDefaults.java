package io.opencommerce.addresses.client;

/**
 * A customer's default addresses (null: none marked) and how many addresses the book holds: what a
 * checkout form or an account page shows first.
 */
public record AddressDefaults(AddressView shipping, AddressView billing, long count) {}
