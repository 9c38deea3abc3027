package io.opencommerce.deliveries.domain;

import io.opencommerce.deliveries.client.CarrierWebhookRequest;

/**
 * A parcel carrier the platform ships with: it books shipments (a tracking number and an estimated
 * delivery date) and reports their progress through signed webhooks. This is the port the use cases
 * speak to; each carrier is an adapter of the infrastructure layer, a CDI bean found by {@link
 * #code()} (the registry {@code io.opencommerce.deliveries.infrastructure.Carriers}); adding one is
 * adding a bean.
 */
public interface Carrier {
  /** The carrier's stable code, in lower case: {@code simulated}. */
  String code();

  /** Books a parcel: the carrier's tracking number and estimated delivery date. */
  Label book(ShipmentRequest request);

  /** Whether {@code trackingNumber} has the shape (and check digit) of this carrier's numbers. */
  boolean isTrackingNumber(String trackingNumber);

  /**
   * Whether {@code signature} (the webhook's signature header, possibly null) signs exactly these
   * body bytes. Compared in constant time.
   */
  boolean verifyWebhook(byte[] body, String signature);

  /**
   * Reads a webhook body whose signature has been verified as a tracking update (validated by the
   * caller). Malformed JSON raises a {@code JsonbException}, answered 400.
   */
  CarrierWebhookRequest readWebhook(String body);
}
