package io.opencommerce.sav.domain;

import io.opencommerce.kit.persistence.Identifiers;
import io.opencommerce.kit.persistence.Owned;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer's support ticket: what it is about (subject, category, optionally one of their
 * orders), its priority and service-level deadlines, where it stands in its status machine ({@link
 * TicketStatus}), the agent working on it, and every step in its history with who made it and why.
 * Messages and attachments are records of their own ({@link TicketMessage}, {@link Attachment}).
 *
 * <p>The version ({@code @Version}) settles concurrent changes: of two replicas assigning the same
 * ticket at once, the second to write finds the version moved and is refused.
 */
@Entity
@Table(name = "tickets")
public class Ticket implements Owned {
  /**
   * What a ticket's number looks like: {@code SAV-} and ten characters of Crockford's base 32, from
   * the random bits of its id (unique in the database), made the way order numbers are.
   */
  public static final String NUMBER_PREFIX = "SAV-";

  public static final String NUMBER = NUMBER_PREFIX + Identifiers.NUMBER_CHARACTERS;

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 40)
  private String site;

  @Column(nullable = false, length = 20)
  private String number;

  @Column(name = "customer_id", nullable = false, length = 36)
  private String customerId;

  @Column(name = "customer_email", length = 254)
  private String customerEmail;

  @Column(nullable = false, length = 200)
  private String subject;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Category category;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Priority priority;

  @Column(name = "order_number", length = 20)
  private String orderNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 30)
  private TicketStatus status;

  @Column(name = "assignee_id", length = 36)
  private String assigneeId;

  @Column(name = "assigned_at")
  private Instant assignedAt;

  @Column(name = "first_response_due", nullable = false)
  private Instant firstResponseDue;

  @Column(name = "resolution_due", nullable = false)
  private Instant resolutionDue;

  @Column(name = "first_response_at")
  private Instant firstResponseAt;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "attachment_bytes", nullable = false)
  private long attachmentBytes;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "ticket_history", joinColumns = @JoinColumn(name = "ticket_id"))
  @OrderColumn(name = "position")
  private List<TicketStep> history = new ArrayList<>();

  @Version private long version;

  protected Ticket() {}

  /** A ticket just opened: {@code OPEN} in the queue, its deadlines from {@code sla}. */
  public Ticket(
      UUID id,
      String site,
      UUID customerId,
      String customerEmail,
      String subject,
      Category category,
      String orderNumber,
      SlaPolicy sla,
      Instant now) {
    this.id = id.toString();
    this.number = Identifiers.number(NUMBER_PREFIX, id);
    this.site = Objects.requireNonNull(site, "site is required");
    this.customerId = Objects.requireNonNull(customerId, "customer is required").toString();
    this.customerEmail = customerEmail;
    this.subject = Objects.requireNonNull(subject, "subject is required").strip();
    this.category = Objects.requireNonNull(category, "category is required");
    this.priority = category.priority();
    this.orderNumber = orderNumber;
    this.status = TicketStatus.OPEN;
    this.openedAt = now;
    this.updatedAt = now;
    SlaPolicy.Deadlines deadlines = sla.deadlines(priority, now);
    this.firstResponseDue = deadlines.firstResponseDue();
    this.resolutionDue = deadlines.resolutionDue();
    history.add(
        new TicketStep(
            StepKind.OPENED, null, TicketStatus.OPEN, null, priority, now, customerId, null));
  }

  /**
   * Gives the ticket to {@code agent}: a queued ticket becomes {@code ASSIGNED}, one being worked
   * on keeps its status with its new agent. Returns false, changing nothing, when the agent already
   * has it.
   *
   * @throws IllegalTransitionException once the ticket is resolved or closed
   */
  public boolean assign(UUID agent, UUID actor, String reason, Instant now) {
    Objects.requireNonNull(agent, "agent is required");
    if (status.isSettled()) {
      throw new IllegalTransitionException(
          IllegalTransitionException.ILLEGAL_TRANSITION,
          "A " + status + " ticket cannot be assigned.");
    }
    if (agent.equals(assignee())) {
      return false;
    }
    TicketStatus next = status == TicketStatus.OPEN ? TicketStatus.ASSIGNED : status;
    history.add(new TicketStep(StepKind.ASSIGNED, status, next, agent, null, now, actor, reason));
    status = next;
    assigneeId = agent.toString();
    assignedAt = now;
    updatedAt = now;
    return true;
  }

  /**
   * Puts the ticket back in the queue ({@code OPEN}, no agent): its agent is no longer one, or it
   * was handed back. Returns false for a ticket that is queued, resolved or closed (a resolved
   * ticket keeps the agent who resolved it).
   */
  public boolean unassign(UUID actor, String reason, Instant now) {
    if (!TicketStatus.WORKED_ON.contains(status)) {
      return false;
    }
    history.add(
        new TicketStep(
            StepKind.UNASSIGNED, status, TicketStatus.OPEN, null, null, now, actor, reason));
    status = TicketStatus.OPEN;
    assigneeId = null;
    assignedAt = null;
    updatedAt = now;
    return true;
  }

  /**
   * Moves the ticket to {@code next} along its status machine. Reaching {@code RESOLVED} or {@code
   * CLOSED} records when; leaving {@code RESOLVED} is a reopening ({@link #reopen}), allowed only
   * within {@code reopenPeriod}. Returns false, changing nothing, when it already is there (but
   * {@code ASSIGNED} is reached only by assigning, never by a move, not even to itself).
   *
   * @throws IllegalTransitionException for a step the machine does not have
   */
  public boolean moveTo(
      TicketStatus next, UUID actor, String reason, Instant now, Duration reopenPeriod) {
    if (next == TicketStatus.ASSIGNED) {
      throw new IllegalTransitionException(status, next); // reached only by assigning
    }
    if (next == status) {
      return false;
    }
    if (!status.canMoveTo(next)) {
      throw new IllegalTransitionException(status, next);
    }
    if (status == TicketStatus.RESOLVED && next != TicketStatus.CLOSED) {
      reopen(actor, reason, now, reopenPeriod, next != TicketStatus.OPEN);
      return true;
    }
    if (next == TicketStatus.OPEN) {
      if (!unassign(actor, reason, now)) {
        throw new IllegalTransitionException(status, next);
      }
      return true;
    }
    if (!status.canMoveTo(next)) {
      throw new IllegalTransitionException(status, next);
    }
    step(next, actor, reason, now);
    return true;
  }

  /**
   * Reopens a resolved ticket within {@code period} of its resolution: back {@code IN_PROGRESS}
   * with its agent, or in the queue when {@code agentStays} is false (the agent is gone).
   *
   * @throws IllegalTransitionException when the ticket is not resolved, or the period is over
   */
  public void reopen(UUID actor, String reason, Instant now, Duration period, boolean agentStays) {
    if (status != TicketStatus.RESOLVED) {
      throw new IllegalTransitionException(status, TicketStatus.IN_PROGRESS);
    }
    if (resolvedAt != null && now.isAfter(resolvedAt.plus(period))) {
      throw new IllegalTransitionException(
          IllegalTransitionException.REOPEN_PERIOD_OVER,
          "Ticket "
              + number
              + " was resolved more than "
              + period
              + " ago: it can no longer be reopened; open a new ticket.");
    }
    if (agentStays && assigneeId != null) {
      step(TicketStatus.IN_PROGRESS, actor, reason, now);
    } else {
      history.add(
          new TicketStep(
              StepKind.UNASSIGNED, status, TicketStatus.OPEN, null, null, now, actor, reason));
      status = TicketStatus.OPEN;
      assigneeId = null;
      assignedAt = null;
      updatedAt = now;
    }
    resolvedAt = null;
  }

  /**
   * A reply from staff: the first one records the first response; the ticket then waits for the
   * customer ({@code WAITING_FOR_CUSTOMER}), except a resolved one, which stays resolved.
   *
   * @throws IllegalTransitionException on a queued ticket (an agent takes it first) or a closed one
   */
  public void staffReplied(UUID actor, Instant now) {
    if (status == TicketStatus.CLOSED) {
      throw closed();
    }
    if (status == TicketStatus.OPEN) {
      throw new IllegalTransitionException(
          IllegalTransitionException.TICKET_UNASSIGNED,
          "Ticket " + number + " waits in the queue: take it or assign it before replying.");
    }
    if (firstResponseAt == null) {
      firstResponseAt = now;
    }
    if (status != TicketStatus.RESOLVED && status != TicketStatus.WAITING_FOR_CUSTOMER) {
      step(TicketStatus.WAITING_FOR_CUSTOMER, actor, "Replied", now);
    }
    updatedAt = now;
  }

  /**
   * A message from the customer: a ticket waiting for them is worked on again ({@code
   * IN_PROGRESS}); a resolved one is reopened (within {@code reopenPeriod}).
   *
   * @throws IllegalTransitionException on a closed ticket, or a resolved one past the period
   */
  public void customerWrote(UUID actor, Instant now, Duration reopenPeriod, boolean agentStays) {
    switch (status) {
      case CLOSED -> throw closed();
      case WAITING_FOR_CUSTOMER -> step(TicketStatus.IN_PROGRESS, actor, "Customer replied", now);
      case RESOLVED -> reopen(actor, "Customer replied", now, reopenPeriod, agentStays);
      default -> updatedAt = now;
    }
  }

  /** Staff set the priority: the deadlines follow, counted from the opening. */
  public boolean changePriority(
      Priority next, SlaPolicy sla, UUID actor, String reason, Instant now) {
    if (next == priority) {
      return false;
    }
    if (status == TicketStatus.CLOSED) {
      throw closed();
    }
    priority = next;
    SlaPolicy.Deadlines deadlines = sla.deadlines(next, openedAt);
    firstResponseDue = deadlines.firstResponseDue();
    resolutionDue = deadlines.resolutionDue();
    history.add(
        new TicketStep(StepKind.PRIORITY_CHANGED, status, status, null, next, now, actor, reason));
    updatedAt = now;
    return true;
  }

  /**
   * Whether the ticket is past a deadline it still has to meet: not resolved or closed, and its
   * first reply is overdue or its resolution is.
   */
  public boolean isBreached(Instant now) {
    if (status.isSettled()) {
      return false;
    }
    return (firstResponseAt == null && now.isAfter(firstResponseDue)) || now.isAfter(resolutionDue);
  }

  /** Room for an attachment of {@code size} bytes within {@code cap} for the whole ticket. */
  public boolean hasRoomFor(long size, long cap) {
    return attachmentBytes + size <= cap;
  }

  /** Counts an attachment's bytes against the ticket's cap (a rejected file's are given back). */
  public void attachmentBytes(long delta) {
    attachmentBytes = Math.max(0, attachmentBytes + delta);
  }

  private void step(TicketStatus next, UUID actor, String reason, Instant now) {
    if (!status.canMoveTo(next)) {
      throw new IllegalTransitionException(status, next);
    }
    history.add(
        new TicketStep(StepKind.STATUS_CHANGED, status, next, null, null, now, actor, reason));
    if (next == TicketStatus.RESOLVED) {
      resolvedAt = now;
    }
    if (next == TicketStatus.CLOSED) {
      closedAt = now;
    }
    status = next;
    updatedAt = now;
  }

  private IllegalTransitionException closed() {
    return new IllegalTransitionException(
        IllegalTransitionException.TICKET_CLOSED, "Ticket " + number + " is closed.");
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  @Override
  public String site() {
    return site;
  }

  @Override
  public boolean isOwnedBy(UUID customer) {
    return customerId.equals(customer.toString());
  }

  public String number() {
    return number;
  }

  public UUID customerId() {
    return UUID.fromString(customerId);
  }

  public String customerEmail() {
    return customerEmail;
  }

  public String subject() {
    return subject;
  }

  public Category category() {
    return category;
  }

  public Priority priority() {
    return priority;
  }

  /** The customer's order the ticket is about; null when none. */
  public String orderNumber() {
    return orderNumber;
  }

  public TicketStatus status() {
    return status;
  }

  /** The agent working on it; null while it waits in the queue. */
  public UUID assignee() {
    return assigneeId == null ? null : UUID.fromString(assigneeId);
  }

  public Instant assignedAt() {
    return assignedAt;
  }

  public Instant firstResponseDue() {
    return firstResponseDue;
  }

  public Instant resolutionDue() {
    return resolutionDue;
  }

  public Instant firstResponseAt() {
    return firstResponseAt;
  }

  public Instant resolvedAt() {
    return resolvedAt;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public long attachmentBytes() {
    return attachmentBytes;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** The history, oldest first. */
  public List<TicketStep> history() {
    return List.copyOf(history);
  }

  public long version() {
    return version;
  }
}
