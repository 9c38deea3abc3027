package io.opencommerce.newsletters.client;

import java.time.Instant;
import java.util.UUID;

/**
 * What a subscriber's link shows and did (the confirmation link, the one-click unsubscribe link):
 * the subscription's status, without its address.
 */
public record SubscriptionState(
    UUID id, String status, String language, Instant confirmedAt, Instant unsubscribedAt) {}
