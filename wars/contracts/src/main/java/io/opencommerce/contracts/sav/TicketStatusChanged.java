package io.opencommerce.contracts.sav;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.IntegrationEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket moved in its status machine (open, assigned, waiting-for-customer, in-progress,
 * resolved, closed), by {@code changedBy} (a customer, an agent, an administrator, or null for the
 * platform itself) for {@code reason}. Consumers: none yet.
 */
@EventType(name = "TicketStatusChanged", version = 1)
public record TicketStatusChanged(
    UUID ticketId,
    String number,
    UUID customerId,
    String from,
    String to,
    UUID changedBy,
    String reason,
    Instant changedAt)
    implements IntegrationEvent {
  public static final String OPEN = "OPEN";
  public static final String ASSIGNED = "ASSIGNED";
  public static final String WAITING_FOR_CUSTOMER = "WAITING_FOR_CUSTOMER";
  public static final String IN_PROGRESS = "IN_PROGRESS";
  public static final String RESOLVED = "RESOLVED";
  public static final String CLOSED = "CLOSED";
}
