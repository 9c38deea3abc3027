package io.opencommerce.newsletters.client;

import java.time.Instant;

/**
 * The answer to a subscription request (202): the address as it is kept, and when this request
 * arrived. The same whether the address was new, pending, subscribed already or had left, so that
 * nobody learns who subscribes to what; a confirmation link is mailed unless it was subscribed
 * already.
 */
public record SubscriptionReceipt(String email, Instant requestedAt) {}
