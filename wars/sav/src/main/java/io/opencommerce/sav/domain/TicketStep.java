package io.opencommerce.sav.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.util.UUID;

/**
 * One step of a ticket's history: what happened ({@link StepKind}), the status before and after,
 * the agent it was assigned to (assignments), the priority set (priority changes), when, by whom (a
 * user id; null for the platform itself) and why. Never changed once written.
 */
@Embeddable
public class TicketStep {
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private StepKind kind;

  @Enumerated(EnumType.STRING)
  @Column(name = "from_status", length = 30)
  private TicketStatus from;

  @Enumerated(EnumType.STRING)
  @Column(name = "to_status", nullable = false, length = 30)
  private TicketStatus to;

  @Column(name = "assignee_id", length = 36)
  private String assignee;

  @Enumerated(EnumType.STRING)
  @Column(length = 10)
  private Priority priority;

  @Column(name = "changed_at", nullable = false)
  private Instant at;

  @Column(length = 36)
  private String actor;

  @Column(length = 500)
  private String reason;

  protected TicketStep() {}

  TicketStep(
      StepKind kind,
      TicketStatus from,
      TicketStatus to,
      UUID assignee,
      Priority priority,
      Instant at,
      UUID actor,
      String reason) {
    this.kind = kind;
    this.from = from;
    this.to = to;
    this.assignee = assignee == null ? null : assignee.toString();
    this.priority = priority;
    this.at = at;
    this.actor = actor == null ? null : actor.toString();
    this.reason = reason;
  }

  public StepKind kind() {
    return kind;
  }

  public TicketStatus from() {
    return from;
  }

  public TicketStatus to() {
    return to;
  }

  public UUID assignee() {
    return assignee == null ? null : UUID.fromString(assignee);
  }

  public Priority priority() {
    return priority;
  }

  public Instant at() {
    return at;
  }

  public UUID actor() {
    return actor == null ? null : UUID.fromString(actor);
  }

  public String reason() {
    return reason;
  }
}
