package io.opencommerce.sav.application;

import io.opencommerce.contracts.sav.TicketStatusChanged;
import io.opencommerce.sav.domain.Ticket;
import io.opencommerce.sav.domain.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;

/**
 * Publishes a ticket's status changes ({@link TicketStatusChanged}), in the caller's transaction.
 */
@ApplicationScoped
public class TicketEvents {
  @Inject Event<TicketStatusChanged> statusChanged;

  /** Publishes the move from {@code before} to where the ticket is now, if it moved. */
  public void moved(Ticket ticket, TicketStatus before, UUID actor, String reason, Instant at) {
    if (ticket.status() == before) {
      return;
    }
    statusChanged.fire(
        new TicketStatusChanged(
            ticket.id(),
            ticket.number(),
            ticket.customerId(),
            before.name(),
            ticket.status().name(),
            actor,
            reason,
            at));
  }
}
