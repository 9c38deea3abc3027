package io.opencommerce.contracts.sav;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer opened a support ticket. {@code orderNumber} is null when the ticket is about no
 * order; {@code assignedAgentId} is null when no agent was available and the ticket waits in the
 * queue. Consumers: none yet (analytics, notifications to staff).
 */
@EventType(name = "TicketOpened", version = 1)
public record TicketOpened(
    UUID ticketId,
    String number,
    UUID customerId,
    String subject,
    String category,
    String priority,
    String orderNumber,
    UUID assignedAgentId,
    Instant openedAt)
    implements IntegrationEvent {}
