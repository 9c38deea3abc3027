package io.opencommerce.sav.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.kit.persistence.Identifiers;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TicketTest {
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  private static final Duration REOPEN = Duration.ofDays(14);
  private final UUID customer = UUID.randomUUID();
  private final UUID agent = UUID.randomUUID();

  private Ticket ticket(Category category) {
    return new Ticket(
        Identifiers.timeOrdered(T0),
        "default",
        customer,
        "c@example.com",
        " Where is my parcel? ",
        category,
        "OC-0123456789",
        SlaPolicy.defaults(),
        T0);
  }

  private Ticket assigned() {
    Ticket ticket = ticket(Category.ORDER);
    ticket.assign(agent, null, "auto", T0.plusSeconds(1));
    return ticket;
  }

  @Test
  void aNewTicketIsOpenInTheQueueWithItsCategorysPriorityAndDeadlines() {
    Ticket ticket = ticket(Category.PAYMENT);
    assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(ticket.assignee()).isNull();
    assertThat(ticket.subject()).isEqualTo("Where is my parcel?");
    assertThat(ticket.priority()).isEqualTo(Priority.HIGH);
    assertThat(ticket.firstResponseDue()).isEqualTo(T0.plus(Duration.ofHours(4)));
    assertThat(ticket.resolutionDue()).isEqualTo(T0.plus(Duration.ofDays(2)));
    assertThat(ticket.number()).matches(Ticket.NUMBER);
    assertThat(ticket.history()).extracting(TicketStep::kind).containsExactly(StepKind.OPENED);
    assertThat(ticket(Category.PRODUCT).priority()).isEqualTo(Priority.LOW);
    assertThat(ticket(Category.OTHER).priority()).isEqualTo(Priority.NORMAL);
  }

  @Test
  void assigningMovesAQueuedTicketAndKeepsTheStatusOfOneBeingWorkedOn() {
    Ticket ticket = assigned();
    assertThat(ticket.status()).isEqualTo(TicketStatus.ASSIGNED);
    assertThat(ticket.assignee()).isEqualTo(agent);
    assertThat(ticket.assign(agent, agent, "again", T0.plusSeconds(2))).isFalse();
    assertThat(ticket.history()).filteredOn(s -> s.kind() == StepKind.ASSIGNED).hasSize(1);

    ticket.staffReplied(agent, T0.plusSeconds(3));
    UUID other = UUID.randomUUID();
    assertThat(ticket.assign(other, null, "reassigned", T0.plusSeconds(4))).isTrue();
    assertThat(ticket.status()).isEqualTo(TicketStatus.WAITING_FOR_CUSTOMER);
    assertThat(ticket.assignee()).isEqualTo(other);
  }

  @Test
  void theConversationMovesTheTicketBetweenWaitingAndInProgress() {
    Ticket ticket = assigned();
    ticket.customerWrote(customer, T0.plusSeconds(2), REOPEN, true);
    assertThat(ticket.status()).isEqualTo(TicketStatus.ASSIGNED);

    ticket.staffReplied(agent, T0.plusSeconds(3));
    assertThat(ticket.status()).isEqualTo(TicketStatus.WAITING_FOR_CUSTOMER);
    assertThat(ticket.firstResponseAt()).isEqualTo(T0.plusSeconds(3));
    ticket.staffReplied(agent, T0.plusSeconds(4));
    assertThat(ticket.firstResponseAt()).as("the first reply only").isEqualTo(T0.plusSeconds(3));

    ticket.customerWrote(customer, T0.plusSeconds(5), REOPEN, true);
    assertThat(ticket.status()).isEqualTo(TicketStatus.IN_PROGRESS);
    ticket.staffReplied(agent, T0.plusSeconds(6));
    assertThat(ticket.status()).isEqualTo(TicketStatus.WAITING_FOR_CUSTOMER);
  }

  @Test
  void staffCannotReplyToAQueuedTicketAndNobodyWritesOnAClosedOne() {
    Ticket queued = ticket(Category.ORDER);
    assertThatThrownBy(() -> queued.staffReplied(agent, T0))
        .isInstanceOfSatisfying(
            IllegalTransitionException.class,
            e -> assertThat(e.code()).isEqualTo(IllegalTransitionException.TICKET_UNASSIGNED));

    Ticket closed = assigned();
    closed.moveTo(TicketStatus.CLOSED, customer, "solved", T0.plusSeconds(5), REOPEN);
    assertThat(closed.closedAt()).isEqualTo(T0.plusSeconds(5));
    assertThatThrownBy(() -> closed.customerWrote(customer, T0.plusSeconds(6), REOPEN, true))
        .isInstanceOfSatisfying(
            IllegalTransitionException.class,
            e -> assertThat(e.code()).isEqualTo(IllegalTransitionException.TICKET_CLOSED));
    assertThatThrownBy(() -> closed.staffReplied(agent, T0.plusSeconds(6)))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void impossibleStepsAreRefused() {
    Ticket queued = ticket(Category.ORDER);
    for (TicketStatus next :
        new TicketStatus[] {
          TicketStatus.RESOLVED, TicketStatus.IN_PROGRESS, TicketStatus.WAITING_FOR_CUSTOMER
        }) {
      assertThatThrownBy(() -> queued.moveTo(next, agent, null, T0, REOPEN))
          .isInstanceOfSatisfying(
              IllegalTransitionException.class,
              e -> assertThat(e.code()).isEqualTo(IllegalTransitionException.ILLEGAL_TRANSITION));
    }
    assertThatThrownBy(() -> queued.moveTo(TicketStatus.ASSIGNED, agent, null, T0, REOPEN))
        .as("assigning is done by naming the agent")
        .isInstanceOf(IllegalTransitionException.class);
    Ticket ticket = assigned();
    ticket.moveTo(TicketStatus.CLOSED, agent, null, T0.plusSeconds(2), REOPEN);
    for (TicketStatus next : TicketStatus.values()) {
      if (next != TicketStatus.CLOSED) {
        assertThatThrownBy(() -> ticket.moveTo(next, agent, null, T0.plusSeconds(3), REOPEN))
            .isInstanceOf(IllegalTransitionException.class);
      }
    }
    assertThat(ticket.moveTo(TicketStatus.CLOSED, agent, null, T0, REOPEN))
        .as("closing a closed ticket changes nothing")
        .isFalse();
  }

  @Test
  void aResolvedTicketReopensWithinThePeriodOnly() {
    Ticket ticket = assigned();
    ticket.moveTo(TicketStatus.IN_PROGRESS, agent, null, T0.plusSeconds(2), REOPEN);
    ticket.moveTo(TicketStatus.RESOLVED, agent, "refunded", T0.plusSeconds(3), REOPEN);
    assertThat(ticket.resolvedAt()).isEqualTo(T0.plusSeconds(3));

    ticket.reopen(customer, "still broken", T0.plus(Duration.ofDays(13)), REOPEN, true);
    assertThat(ticket.status()).isEqualTo(TicketStatus.IN_PROGRESS);
    assertThat(ticket.assignee()).isEqualTo(agent);

    ticket.moveTo(TicketStatus.RESOLVED, agent, null, T0.plus(Duration.ofDays(14)), REOPEN);
    Instant late = T0.plus(Duration.ofDays(29));
    assertThatThrownBy(() -> ticket.reopen(customer, "again", late, REOPEN, true))
        .isInstanceOfSatisfying(
            IllegalTransitionException.class,
            e -> assertThat(e.code()).isEqualTo(IllegalTransitionException.REOPEN_PERIOD_OVER));
    assertThatThrownBy(() -> ticket.customerWrote(customer, late, REOPEN, true))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(ticket.status()).isEqualTo(TicketStatus.RESOLVED);
  }

  @Test
  void aResolvedTicketIsNotAssignedByAStatusChange() {
    Ticket ticket = assigned();
    ticket.moveTo(TicketStatus.RESOLVED, agent, null, T0.plusSeconds(2), REOPEN);
    assertThatThrownBy(
            () -> ticket.moveTo(TicketStatus.ASSIGNED, agent, null, T0.plusSeconds(3), REOPEN))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(ticket.status()).isEqualTo(TicketStatus.RESOLVED);
  }

  @Test
  void aReopenedTicketWhoseAgentIsGoneGoesBackToTheQueue() {
    Ticket ticket = assigned();
    ticket.moveTo(TicketStatus.RESOLVED, agent, null, T0.plusSeconds(2), REOPEN);
    ticket.customerWrote(customer, T0.plusSeconds(3), REOPEN, false);
    assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(ticket.assignee()).isNull();
  }

  @Test
  void unassigningPutsATicketBeingWorkedOnBackInTheQueue() {
    Ticket ticket = assigned();
    ticket.staffReplied(agent, T0.plusSeconds(2));
    assertThat(ticket.unassign(null, "agent left", T0.plusSeconds(3))).isTrue();
    assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
    assertThat(ticket.assignee()).isNull();
    assertThat(ticket.unassign(null, "again", T0.plusSeconds(4))).isFalse();
    assertThat(ticket.history())
        .extracting(TicketStep::kind)
        .containsExactly(
            StepKind.OPENED, StepKind.ASSIGNED, StepKind.STATUS_CHANGED, StepKind.UNASSIGNED);
  }

  @Test
  void priorityChangesMoveTheDeadlinesFromTheOpening() {
    Ticket ticket = assigned();
    assertThat(ticket.changePriority(Priority.URGENT, SlaPolicy.defaults(), agent, "VIP", T0))
        .isTrue();
    assertThat(ticket.firstResponseDue()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(ticket.resolutionDue()).isEqualTo(T0.plus(Duration.ofHours(24)));
    assertThat(ticket.history().get(ticket.history().size() - 1).priority())
        .isEqualTo(Priority.URGENT);
  }

  @Test
  void aTicketIsBreachedWhileAPendingDeadlineHasPassed() {
    Ticket ticket = assigned(); // NORMAL: first reply within 24 h, resolution within 5 days
    assertThat(ticket.isBreached(T0.plus(Duration.ofHours(23)))).isFalse();
    assertThat(ticket.isBreached(T0.plus(Duration.ofHours(25)))).isTrue();
    ticket.staffReplied(agent, T0.plus(Duration.ofHours(25)));
    assertThat(ticket.isBreached(T0.plus(Duration.ofHours(26))))
        .as("answered, resolution still due")
        .isFalse();
    assertThat(ticket.isBreached(T0.plus(Duration.ofDays(6)))).isTrue();
    ticket.moveTo(TicketStatus.RESOLVED, agent, null, T0.plus(Duration.ofDays(6)), REOPEN);
    assertThat(ticket.isBreached(T0.plus(Duration.ofDays(7)))).isFalse();
  }

  @Test
  void theAttachmentCapCountsEveryFileOfTheTicket() {
    Ticket ticket = assigned();
    assertThat(ticket.hasRoomFor(10, 20)).isTrue();
    ticket.attachmentBytes(15);
    assertThat(ticket.hasRoomFor(5, 20)).isTrue();
    assertThat(ticket.hasRoomFor(6, 20)).isFalse();
    ticket.attachmentBytes(-15);
    assertThat(ticket.hasRoomFor(20, 20)).isTrue();
  }
}
