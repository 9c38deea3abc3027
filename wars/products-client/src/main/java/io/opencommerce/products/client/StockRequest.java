package io.opencommerce.products.client;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Sets the units on hand (a stock count); it cannot go below what is reserved. */
public record StockRequest(
    @NotNull(message = "On-hand quantity is required.")
        @Min(value = 0, message = "On-hand quantity must not be negative.")
        @Max(value = 1_000_000_000, message = "On-hand quantity is too large.")
        Integer onHand) {}
