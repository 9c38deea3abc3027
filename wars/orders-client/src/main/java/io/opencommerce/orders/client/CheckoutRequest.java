package io.opencommerce.orders.client;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * Places an order for what the customer's basket holds, shipped to one of their addresses and
 * billed to another (the shipping address when {@code billingAddressId} is left out).
 */
public record CheckoutRequest(
    @NotNull(message = "Shipping address id is required.") UUID shippingAddressId,
    UUID billingAddressId) {}
