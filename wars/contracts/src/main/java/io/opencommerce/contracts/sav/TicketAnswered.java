package io.opencommerce.contracts.sav;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Support staff replied on a ticket. Consumers: newsletters (the customer's e-mail, quoting the
 * reply, with a link to the ticket). {@code messageId} identifies the reply, so one reply makes one
 * mail however often the event is delivered.
 */
@EventType(name = "TicketAnswered", version = 1)
public record TicketAnswered(
    UUID ticketId,
    String number,
    UUID customerId,
    String subject,
    UUID messageId,
    String agentName,
    String reply,
    Instant answeredAt)
    implements IntegrationEvent {}
