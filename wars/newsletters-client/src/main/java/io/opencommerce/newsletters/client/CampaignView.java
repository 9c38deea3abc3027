package io.opencommerce.newsletters.client;

import java.time.Instant;
import java.util.UUID;

/**
 * A campaign and how far it has gone. {@code status} is {@code DRAFT}, {@code SCHEDULED}, {@code
 * SENDING} (its mails are being written or the queue has some left to send), {@code SENT} or {@code
 * CANCELLED}. {@code text} and {@code html} (its own template, if it has one) are left out of
 * lists.
 */
public record CampaignView(
    UUID id,
    String name,
    String status,
    String audienceLanguage,
    UUID templateVersionId,
    String subject,
    String text,
    String html,
    Instant scheduledAt,
    Instant startedAt,
    Instant finishedAt,
    Instant cancelledAt,
    Progress progress,
    UUID createdBy,
    Instant createdAt,
    Instant updatedAt) {

  /** Every status, as a pattern for request validation. */
  public static final String STATUSES = "DRAFT|SCHEDULED|SENDING|SENT|CANCELLED";

  /**
   * Its mails: how many were written to the queue ({@code enqueued}, and whether every subscriber
   * of the audience has theirs: {@code allEnqueued}), and of those how many wait to be sent, were
   * sent, failed, or were cancelled (their subscriber left before they went).
   */
  public record Progress(
      long enqueued, boolean allEnqueued, long queued, long sent, long failed, long cancelled) {}
}
