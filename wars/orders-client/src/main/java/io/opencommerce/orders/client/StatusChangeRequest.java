package io.opencommerce.orders.client;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An administrator moves an order on by hand: {@code CONFIRMED}, {@code SHIPPED}, {@code DELIVERED}
 * or {@code CANCELLED}, along the order's status machine.
 */
public record StatusChangeRequest(
    @NotNull(message = "Status is required.")
        @Pattern(
            regexp = "CONFIRMED|SHIPPED|DELIVERED|CANCELLED",
            message = "Status must be CONFIRMED, SHIPPED, DELIVERED or CANCELLED.")
        String status,
    @Size(max = 500, message = "Reason must be at most 500 characters.") String reason) {}
