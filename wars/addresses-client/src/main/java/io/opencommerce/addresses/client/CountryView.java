package io.opencommerce.addresses.client;

/**
 * An ISO 3166-1 country: whether the platform ships there, and for those that it does, what a
 * postal code looks like ({@code postalCodeExample}) and whether a region (state) is required.
 */
public record CountryView(
    String code,
    String name,
    boolean shipsHere,
    String postalCodeExample,
    boolean regionRequired) {}
