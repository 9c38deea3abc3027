package io.opencommerce.contacts.client;

import java.time.Instant;
import java.util.UUID;

/**
 * An inquiry as lists show it; {@link InquiryView} adds the message and its history. {@code status}
 * is NEW, ANSWERED or CLOSED.
 */
public record InquirySummary(
    UUID id,
    String topic,
    String name,
    String email,
    String language,
    String status,
    InquiryRoute route,
    Instant receivedAt,
    Instant updatedAt) {

  /** The statuses an inquiry can be in, as a pattern. */
  public static final String STATUSES = "NEW|ANSWERED|CLOSED";
}
