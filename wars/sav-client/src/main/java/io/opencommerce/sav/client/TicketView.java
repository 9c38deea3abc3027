package io.opencommerce.sav.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A ticket in full: what {@link TicketSummary} shows, the conversation (oldest first), the
 * attachments and the history (every step with who made it and why).
 */
public record TicketView(
    UUID id,
    String number,
    UUID customerId,
    String customerEmail,
    String subject,
    String category,
    String priority,
    String orderNumber,
    String status,
    UUID assigneeId,
    Instant assignedAt,
    Instant openedAt,
    Instant updatedAt,
    Instant firstResponseDue,
    Instant resolutionDue,
    Instant firstResponseAt,
    Instant resolvedAt,
    Instant closedAt,
    boolean breached,
    long version,
    List<Message> messages,
    List<AttachmentView> attachments,
    List<Step> history) {

  /** One message: by whom ({@code fromStaff}: an agent or an administrator), when, what. */
  public record Message(UUID id, UUID authorId, boolean fromStaff, String text, Instant at) {}

  /**
   * One step of the history: {@code kind} (OPENED, ASSIGNED, UNASSIGNED, STATUS_CHANGED,
   * PRIORITY_CHANGED), the status before and after, the agent it went to, the priority set, when,
   * by whom (null: the platform itself) and why.
   */
  public record Step(
      String kind,
      String from,
      String to,
      UUID assigneeId,
      String priority,
      Instant at,
      UUID actor,
      String reason) {}
}
