package io.opencommerce.sav.client;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket in a list: its number, what it is about, where it stands, its agent (null while it waits
 * in the queue), its deadlines and whether it is past one ({@code breached}), and its {@code
 * version} (for a conditional assignment).
 */
public record TicketSummary(
    UUID id,
    String number,
    UUID customerId,
    String subject,
    String category,
    String priority,
    String orderNumber,
    String status,
    UUID assigneeId,
    Instant openedAt,
    Instant updatedAt,
    Instant firstResponseDue,
    Instant resolutionDue,
    Instant firstResponseAt,
    boolean breached,
    long version) {}
