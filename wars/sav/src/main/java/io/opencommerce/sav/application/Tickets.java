package io.opencommerce.sav.application;

import io.opencommerce.contracts.sav.TicketAnswered;
import io.opencommerce.contracts.sav.TicketOpened;
import io.opencommerce.kit.persistence.Identifiers;
import io.opencommerce.kit.persistence.OwnedRecords;
import io.opencommerce.kit.persistence.QueryFilter;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.sav.domain.Attachment;
import io.opencommerce.sav.domain.Category;
import io.opencommerce.sav.domain.IllegalTransitionException;
import io.opencommerce.sav.domain.Priority;
import io.opencommerce.sav.domain.Ticket;
import io.opencommerce.sav.domain.TicketMessage;
import io.opencommerce.sav.domain.TicketStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Support tickets: opened by customers (about one of their orders or not; assigned at once or
 * queued; published as {@link TicketOpened}), read and listed (a customer their own, staff every
 * ticket of the site), written on (a staff reply is published as {@link TicketAnswered} for the
 * mailer, and records the first response), moved along their status machine and prioritised. Every
 * status change is kept in the ticket's history and published as {@code TicketStatusChanged}, in
 * the transaction of the change.
 */
@ApplicationScoped
@Transactional
public class Tickets {
  private static final Logger LOG = Logger.getLogger(Tickets.class.getName());

  @PersistenceContext EntityManager em;
  @Inject CurrentRequest request;
  @Inject OwnedRecords records;
  @Inject SavSettings settings;
  @Inject KnownOrders orders;
  @Inject Assignments assignments;
  @Inject Agents agents;
  @Inject TicketEvents events;
  @Inject Event<TicketOpened> opened;
  @Inject Event<TicketAnswered> answered;

  /** Who is asking: a customer sees their own tickets, staff (agents, administrators) all. */
  public record Caller(UUID id, boolean staff) {}

  /**
   * Which tickets a list shows; null fields do not filter. {@code customer}: only that customer's;
   * {@code unassigned}: only the queue; {@code breached}: only those past a deadline.
   */
  public record Filter(
      UUID customer,
      TicketStatus status,
      UUID assignee,
      boolean unassigned,
      boolean breached,
      boolean unsettled) {}

  /** What is not yet settled: every status but resolved and closed. */
  private static final List<TicketStatus> UNSETTLED =
      List.copyOf(EnumSet.complementOf(EnumSet.of(TicketStatus.RESOLVED, TicketStatus.CLOSED)));

  /** What a new ticket says. */
  public record Opening(String subject, Category category, String orderNumber, String message) {}

  /**
   * Opens a ticket for {@code customer}: 422 {@code unknown-order} (nothing stored) when its order
   * number is not one of theirs. It goes to the least-loaded available agent, or waits in the
   * queue.
   */
  public Ticket open(UUID customer, String email, Opening opening) {
    if (opening.orderNumber() != null) {
      orders.requireOwn(opening.orderNumber(), customer);
    }
    Instant now = Instant.now();
    UUID id = Identifiers.timeOrdered(now);
    Ticket ticket =
        new Ticket(
            id,
            request.site(),
            customer,
            email,
            opening.subject(),
            opening.category(),
            opening.orderNumber(),
            settings.sla(),
            now);
    em.persist(ticket);
    em.persist(new TicketMessage(UUID.randomUUID(), id, customer, false, opening.message(), now));
    em.flush();
    assignments.assignNew(ticket, now);
    opened.fire(
        new TicketOpened(
            id,
            ticket.number(),
            customer,
            ticket.subject(),
            ticket.category().code(),
            ticket.priority().name(),
            ticket.orderNumber(),
            ticket.assignee(),
            now));
    em.flush();
    ticket.history(); // loaded for the answer while the persistence context is open
    LOG.info(
        () ->
            "Opened ticket "
                + ticket.number()
                + (ticket.assignee() == null ? ", queued" : ", assigned to " + ticket.assignee()));
    return ticket;
  }

  /** A ticket with its history; 404 unless it is the caller's or the caller is staff. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Ticket get(UUID id, Caller caller) {
    Ticket ticket = visible(id, caller);
    ticket.history(); // loaded while the persistence context is open
    return ticket;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<TicketMessage> messages(UUID ticketId) {
    return em.createQuery(
            "SELECT m FROM TicketMessage m WHERE m.ticketId = :t ORDER BY m.writtenAt, m.id",
            TicketMessage.class)
        .setParameter("t", ticketId.toString())
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Attachment> attachments(UUID ticketId) {
    return em.createQuery(
            "SELECT a FROM Attachment a WHERE a.ticketId = :t ORDER BY a.uploadedAt, a.id",
            Attachment.class)
        .setParameter("t", ticketId.toString())
        .getResultList();
  }

  /** Tickets of the site, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Ticket> page(Filter filter, int limit, int offset) {
    return where(
            "SELECT t FROM Ticket t", " ORDER BY t.openedAt DESC, t.id DESC", filter, Ticket.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(Filter filter) {
    return where("SELECT COUNT(t) FROM Ticket t", "", filter, Long.class).getSingleResult();
  }

  /**
   * Adds a message. A staff reply records the first response, moves the ticket to {@code
   * WAITING_FOR_CUSTOMER} and is published as {@link TicketAnswered}; a customer's message moves a
   * ticket waiting for them back {@code IN_PROGRESS} and reopens a resolved one. 409 on a closed
   * ticket ({@code ticket-closed}), a queued one for staff ({@code ticket-unassigned}) and a
   * resolved one past its reopen period ({@code reopen-period-over}).
   */
  public Ticket write(UUID id, Caller caller, String text) {
    Ticket ticket = locked(id, caller);
    Instant now = Instant.now();
    TicketStatus before = ticket.status();
    String body = text.strip();
    try {
      if (caller.staff() && !ticket.isOwnedBy(caller.id())) {
        ticket.staffReplied(caller.id(), now);
      } else {
        ticket.customerWrote(
            caller.id(),
            now,
            settings.reopenPeriod(),
            assignments.isActiveAgent(ticket.assignee()));
      }
    } catch (IllegalTransitionException e) {
      throw ProblemException.conflict(e.code(), e.getMessage());
    }
    boolean fromStaff = caller.staff() && !ticket.isOwnedBy(caller.id());
    TicketMessage message =
        new TicketMessage(UUID.randomUUID(), ticket.id(), caller.id(), fromStaff, body, now);
    em.persist(message);
    events.moved(ticket, before, caller.id(), fromStaff ? "Staff replied" : "Customer wrote", now);
    if (fromStaff) {
      String name = agents.nameOf(caller.id());
      answered.fire(
          new TicketAnswered(
              ticket.id(),
              ticket.number(),
              ticket.customerId(),
              ticket.subject(),
              message.id(),
              name == null ? "Customer support" : name,
              body,
              now));
    }
    em.flush();
    ticket.history();
    return ticket;
  }

  /**
   * Moves a ticket. Staff move it along the machine; its customer may only close it or reopen it
   * (403 otherwise). 409 {@code illegal-transition} for a step the machine does not have, {@code
   * reopen-period-over} for a resolved ticket past its reopen period.
   */
  public Ticket move(UUID id, Caller caller, TicketStatus next, String reason) {
    Ticket ticket = locked(id, caller);
    if (next != ticket.status() && !ticket.status().canMoveTo(next)) {
      // A step the machine does not have is a conflict whoever asks (a closed ticket stays so).
      throw ProblemException.conflict(
          IllegalTransitionException.ILLEGAL_TRANSITION,
          new IllegalTransitionException(ticket.status(), next).getMessage());
    }
    boolean staff = caller.staff() && !ticket.isOwnedBy(caller.id());
    boolean reopening = ticket.status() == TicketStatus.RESOLVED && next != TicketStatus.CLOSED;
    if (!staff && next != TicketStatus.CLOSED && !reopening) {
      throw ProblemException.forbidden(
          "Customers may only close their tickets or reopen resolved ones.");
    }
    Instant now = Instant.now();
    TicketStatus before = ticket.status();
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    try {
      if (reopening && before.canMoveTo(next)) {
        ticket.reopen(
            caller.id(),
            why,
            now,
            settings.reopenPeriod(),
            next != TicketStatus.OPEN && assignments.isActiveAgent(ticket.assignee()));
      } else {
        ticket.moveTo(next, caller.id(), why, now, settings.reopenPeriod());
      }
    } catch (IllegalTransitionException e) {
      throw ProblemException.conflict(e.code(), e.getMessage());
    }
    events.moved(ticket, before, caller.id(), why, now);
    em.flush();
    ticket.history();
    return ticket;
  }

  /** Staff set the priority; the deadlines follow. */
  public Ticket prioritise(UUID id, Caller caller, Priority priority, String reason) {
    Ticket ticket = locked(id, caller);
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    try {
      ticket.changePriority(priority, settings.sla(), caller.id(), why, Instant.now());
    } catch (IllegalTransitionException e) {
      throw ProblemException.conflict(e.code(), e.getMessage());
    }
    em.flush();
    ticket.history();
    return ticket;
  }

  public Ticket visible(UUID id, Caller caller) {
    return records.find(em, Ticket.class, id, caller.id(), caller.staff());
  }

  /** The ticket read again under a row lock: two changes of one ticket queue up. */
  public Ticket locked(UUID id, Caller caller) {
    Ticket ticket = visible(id, caller);
    em.refresh(ticket, LockModeType.PESSIMISTIC_WRITE);
    return ticket;
  }

  private <T> TypedQuery<T> where(String select, String order, Filter filter, Class<T> type) {
    QueryFilter where =
        new QueryFilter()
            .and("t.site = :site", "site", request.site())
            .and(
                "t.customerId = :customer",
                "customer",
                filter.customer() == null ? null : filter.customer().toString())
            .and("t.status = :status", "status", filter.status())
            .and(
                "t.assigneeId = :assignee",
                "assignee",
                filter.assignee() == null ? null : filter.assignee().toString())
            .and(
                "t.assigneeId IS NULL AND t.status = :queued",
                "queued",
                filter.unassigned() ? TicketStatus.OPEN : null);
    if (filter.breached() || filter.unsettled()) {
      where = where.and("t.status IN :unsettled", "unsettled", UNSETTLED);
    }
    if (filter.breached()) {
      where =
          where.and(
              "((t.firstResponseAt IS NULL AND t.firstResponseDue < :now)"
                  + " OR t.resolutionDue < :now)",
              "now",
              Instant.now());
    }
    return where.bind(em.createQuery(select + where.where() + order, type));
  }
}
