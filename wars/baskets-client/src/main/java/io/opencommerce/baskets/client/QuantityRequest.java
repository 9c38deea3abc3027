package io.opencommerce.baskets.client;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** How many of a product the basket should hold. */
public record QuantityRequest(
    @NotNull(message = "Quantity is required.")
        @Min(value = 1, message = "Quantity must be at least 1.")
        @Max(value = 99, message = "Quantity must be at most 99.")
        Integer quantity) {}
