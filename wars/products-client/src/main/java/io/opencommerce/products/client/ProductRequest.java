package io.opencommerce.products.client;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * A product as an administrator creates or replaces it. The price is a decimal amount in the given
 * ISO 4217 currency, never a floating-point number.
 */
public record ProductRequest(
    @NotBlank(message = "SKU is required.")
        @Size(max = 64, message = "SKU must be at most 64 characters.")
        @Pattern(
            regexp = "[A-Za-z0-9][A-Za-z0-9._-]*",
            message = "SKU may contain letters, digits, '.', '_' and '-'.")
        String sku,
    @NotBlank(message = "Name is required.")
        @Size(max = 200, message = "Name must be at most 200 characters.")
        String name,
    @Size(max = 5000, message = "Description must be at most 5000 characters.") String description,
    UUID categoryId,
    @NotNull(message = "Price is required.")
        @DecimalMin(value = "0.00", message = "Price must not be negative.")
        @Digits(integer = 13, fraction = 2, message = "Price must have at most 2 decimals.")
        BigDecimal price,
    @NotNull(message = "Currency is required.")
        @Pattern(regexp = "[A-Z]{3}", message = "Currency must be an ISO 4217 code such as EUR.")
        String currency,
    @Size(max = 50, message = "At most 50 attributes.")
        Map<
                @NotBlank(message = "Attribute names must not be blank.")
                @Size(max = 64, message = "Attribute names must be at most 64 characters.") String,
                @NotNull(message = "Attribute values are required.")
                @Size(max = 500, message = "Attribute values must be at most 500 characters.")
                String>
            attributes,
    Boolean active) {}
