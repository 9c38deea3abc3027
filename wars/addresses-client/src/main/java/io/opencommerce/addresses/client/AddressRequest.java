package io.opencommerce.addresses.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An address as its owner enters it. {@code recipient} defaults to the account's display name;
 * {@code country} is an ISO 3166-1 alpha-2 code of a country the platform ships to, and the postal
 * code and region must fit that country.
 */
public record AddressRequest(
    @Size(max = 50, message = "Label must be at most 50 characters.") String label,
    @Size(max = 100, message = "Recipient must be at most 100 characters.") String recipient,
    @Size(max = 100, message = "Company must be at most 100 characters.") String company,
    @NotBlank(message = "Address line is required.")
        @Size(max = 200, message = "Address line must be at most 200 characters.")
        String line1,
    @Size(max = 200, message = "Second address line must be at most 200 characters.") String line2,
    @NotBlank(message = "Postal code is required.")
        @Size(max = 20, message = "Postal code must be at most 20 characters.")
        String postalCode,
    @NotBlank(message = "City is required.")
        @Size(max = 100, message = "City must be at most 100 characters.")
        String city,
    @Size(max = 100, message = "Region must be at most 100 characters.") String region,
    @NotBlank(message = "Country is required.")
        @Pattern(
            regexp = "[A-Z]{2}",
            message = "Country must be an ISO 3166-1 alpha-2 code such as FR.")
        String country,
    @Size(max = 30, message = "Phone must be at most 30 characters.")
        @Pattern(
            regexp = "\\+?[0-9 ().-]{4,30}",
            message = "Phone may contain digits, spaces and + ( ) . -")
        String phone,
    Boolean defaultBilling,
    Boolean defaultShipping) {}
