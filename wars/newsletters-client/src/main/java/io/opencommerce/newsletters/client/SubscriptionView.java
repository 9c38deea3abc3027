package io.opencommerce.newsletters.client;

import java.time.Instant;
import java.util.UUID;

/**
 * A subscriber of the site's newsletter, as administrators list them and customers see their own.
 * {@code status} is {@code PENDING} (waiting for its confirmation), {@code CONFIRMED} or {@code
 * UNSUBSCRIBED}; {@code customerId} is set when a customer subscribed from their account.
 */
public record SubscriptionView(
    UUID id,
    String email,
    String status,
    String language,
    UUID customerId,
    Instant requestedAt,
    Instant confirmedAt,
    Instant unsubscribedAt,
    Instant createdAt,
    Instant updatedAt) {

  /** Every status, as a pattern for request validation. */
  public static final String STATUSES = "PENDING|CONFIRMED|UNSUBSCRIBED";
}
