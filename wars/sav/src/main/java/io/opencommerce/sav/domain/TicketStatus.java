package io.opencommerce.sav.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket stands. {@code OPEN} waits in the queue with no agent; {@code ASSIGNED} has an
 * agent who has not acted yet; {@code WAITING_FOR_CUSTOMER} and {@code IN_PROGRESS} alternate while
 * the agent and the customer write to each other; {@code RESOLVED} may be reopened within the
 * reopen period; {@code CLOSED} is final. Any ticket still open may go back to the queue ({@code
 * OPEN}: its agent is gone or handed it back) or be closed.
 */
public enum TicketStatus {
  OPEN,
  ASSIGNED,
  WAITING_FOR_CUSTOMER,
  IN_PROGRESS,
  RESOLVED,
  CLOSED;

  /** The statuses of tickets an agent still works on: what counts in an agent's load. */
  public static final Set<TicketStatus> WORKED_ON =
      EnumSet.of(ASSIGNED, WAITING_FOR_CUSTOMER, IN_PROGRESS);

  public boolean canMoveTo(TicketStatus next) {
    return switch (this) {
      case OPEN -> next == ASSIGNED || next == CLOSED;
      case ASSIGNED -> next != ASSIGNED;
      case IN_PROGRESS ->
          next == WAITING_FOR_CUSTOMER || next == RESOLVED || next == OPEN || next == CLOSED;
      case WAITING_FOR_CUSTOMER ->
          next == IN_PROGRESS || next == RESOLVED || next == OPEN || next == CLOSED;
      case RESOLVED -> next == IN_PROGRESS || next == OPEN || next == CLOSED;
      case CLOSED -> false;
    };
  }

  /** Whether the ticket is done with: resolved or closed (no SLA runs any more). */
  public boolean isSettled() {
    return this == RESOLVED || this == CLOSED;
  }
}
