package io.opencommerce.contacts.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An inquiry of the contact form in full: what was sent, where it was routed, where it stands (NEW,
 * ANSWERED or CLOSED) and its history, oldest first: its arrival, every answer with its text and
 * the closing with its reason, each with who made it.
 */
public record InquiryView(
    UUID id,
    String topic,
    String name,
    String email,
    String message,
    String language,
    String status,
    InquiryRoute route,
    List<Step> history,
    Instant receivedAt,
    Instant updatedAt,
    Instant closedAt) {

  /**
   * One step: the status before and after, when, by whom (the user id of the agent or
   * administrator; null for the sender's own arrival) and its text (the answer, or why it was
   * closed).
   */
  public record Step(String from, String to, Instant at, String actor, String text) {}
}
