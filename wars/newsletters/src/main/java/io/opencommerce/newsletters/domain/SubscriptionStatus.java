package io.opencommerce.newsletters.domain;

/**
 * Where a subscription to a site's newsletter stands: {@code PENDING} from the request until its
 * owner follows the confirmation link (double opt-in; purged when never confirmed), {@code
 * CONFIRMED} (the only status that receives marketing mail), {@code UNSUBSCRIBED} once they leave
 * (kept, so that no campaign reaches the address again; a new request starts the opt-in again).
 */
public enum SubscriptionStatus {
  PENDING,
  CONFIRMED,
  UNSUBSCRIBED
}
