package io.opencommerce.sav.domain;

/** A change a ticket cannot make from where it stands; {@link #code()} says which kind. */
public class IllegalTransitionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The status machine has no such step. */
  public static final String ILLEGAL_TRANSITION = "illegal-transition";

  /** A resolved ticket can no longer be reopened. */
  public static final String REOPEN_PERIOD_OVER = "reopen-period-over";

  /** The ticket is closed: nothing more is written on it. */
  public static final String TICKET_CLOSED = "ticket-closed";

  /** The ticket waits in the queue: an agent must take it first. */
  public static final String TICKET_UNASSIGNED = "ticket-unassigned";

  private final String code;

  public IllegalTransitionException(String code, String message) {
    super(message);
    this.code = code;
  }

  public IllegalTransitionException(TicketStatus from, TicketStatus to) {
    this(ILLEGAL_TRANSITION, "A ticket cannot move from " + from + " to " + to + ".");
  }

  public String code() {
    return code;
  }
}
