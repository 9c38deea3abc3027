package io.opencommerce.orders.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** What an order asks of the payment step. */
public record PaymentRequest(
    UUID orderId, String number, UUID customerId, BigDecimal amount, String currency) {}
