package io.opencommerce.newsletters.domain;

/**
 * Where a campaign stands: {@code DRAFT} once written, {@code SCHEDULED} for a time to come
 * (rescheduled or cancelled while it waits), {@code SENDING} from that time until every subscriber
 * of its audience has a mail in the queue and the queue has sent (or given up on) all of them, then
 * {@code SENT}; {@code CANCELLED} when called off before it started.
 *
 * <pre>
 * DRAFT ──schedule──▶ SCHEDULED ──due──▶ SENDING ──enqueued and drained──▶ SENT
 *   │                  │  ▲ reschedule
 *   └────cancel────────┴──┴──▶ CANCELLED
 * </pre>
 */
public enum CampaignStatus {
  DRAFT,
  SCHEDULED,
  SENDING,
  SENT,
  CANCELLED
}
