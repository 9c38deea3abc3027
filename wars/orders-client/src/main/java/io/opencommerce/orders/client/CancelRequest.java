package io.opencommerce.orders.client;

import jakarta.validation.constraints.Size;

/** Why an order is cancelled (optional). */
public record CancelRequest(
    @Size(max = 500, message = "Reason must be at most 500 characters.") String reason) {}
