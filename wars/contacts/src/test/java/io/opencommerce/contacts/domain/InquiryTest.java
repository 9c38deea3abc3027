package io.opencommerce.contacts.domain;

import static io.opencommerce.contacts.domain.InquiryStatus.ANSWERED;
import static io.opencommerce.contacts.domain.InquiryStatus.CLOSED;
import static io.opencommerce.contacts.domain.InquiryStatus.NEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.contracts.contacts.ContactAnswered;
import io.opencommerce.contracts.contacts.ContactReceived;
import io.opencommerce.kit.persistence.Identifiers;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class InquiryTest {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final String AGENT = UUID.randomUUID().toString();

  private static Instant at(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  private static Inquiry received(Route route) {
    return new Inquiry(
        Identifiers.timeOrdered(T0),
        "default",
        "  Ada Lovelace ",
        " ada@example.com ",
        "order",
        "Where is my parcel?\n",
        "fr",
        route,
        T0);
  }

  private static Inquiry received() {
    return received(new Route("order", "orders@shop.example", true));
  }

  @Test
  void aNewInquiryIsNewWithItsArrivalAsTheFirstStep() {
    Inquiry inquiry = received();
    assertThat(inquiry.status()).isEqualTo(NEW);
    assertThat(inquiry.name()).isEqualTo("Ada Lovelace");
    assertThat(inquiry.email()).isEqualTo("ada@example.com");
    assertThat(inquiry.message()).isEqualTo("Where is my parcel?");
    assertThat(inquiry.receivedAt()).isEqualTo(T0);
    assertThat(inquiry.closedAt()).isNull();
    assertThat(inquiry.history())
        .singleElement()
        .satisfies(
            step -> {
              assertThat(step.from()).isNull();
              assertThat(step.to()).isEqualTo(NEW);
              assertThat(step.at()).isEqualTo(T0);
              assertThat(step.actor()).isNull();
            });
  }

  @Test
  void answersAreKeptInTheHistoryAndMayFollowEachOther() {
    Inquiry inquiry = received();
    inquiry.answer("It left yesterday.", AGENT, at(5));
    inquiry.answer("It arrives tomorrow.", AGENT, at(9));
    assertThat(inquiry.status()).isEqualTo(ANSWERED);
    assertThat(inquiry.updatedAt()).isEqualTo(at(9));
    assertThat(inquiry.history())
        .extracting(InquiryStep::to)
        .containsExactly(NEW, ANSWERED, ANSWERED);
    assertThat(inquiry.history())
        .extracting(InquiryStep::from)
        .containsExactly(null, NEW, ANSWERED);
    InquiryStep first = inquiry.history().get(1);
    assertThat(first.text()).isEqualTo("It left yesterday.");
    assertThat(first.actor()).isEqualTo(AGENT);
    assertThat(first.at()).isEqualTo(at(5));
  }

  @Test
  void anInquiryIsClosedAnsweredOrNotWithWhy() {
    Inquiry unanswered = received();
    assertThat(unanswered.close("Spam", AGENT, at(2))).isTrue();
    assertThat(unanswered.status()).isEqualTo(CLOSED);
    assertThat(unanswered.closedAt()).isEqualTo(at(2));
    assertThat(unanswered.history().get(1).text()).isEqualTo("Spam");

    Inquiry answered = received();
    answered.answer("Done.", AGENT, at(1));
    assertThat(answered.close(null, AGENT, at(3))).isTrue();
    assertThat(answered.history())
        .extracting(InquiryStep::to)
        .containsExactly(NEW, ANSWERED, CLOSED);
  }

  @Test
  void closingAClosedInquiryChangesNothing() {
    Inquiry inquiry = received();
    inquiry.close(null, AGENT, at(2));
    assertThat(inquiry.close("again", AGENT, at(7))).isFalse();
    assertThat(inquiry.closedAt()).isEqualTo(at(2));
    assertThat(inquiry.updatedAt()).isEqualTo(at(2));
    assertThat(inquiry.history()).hasSize(2);
  }

  @Test
  void aClosedInquiryTakesNoAnswer() {
    Inquiry inquiry = received();
    inquiry.close(null, AGENT, at(2));
    assertThatThrownBy(() -> inquiry.answer("Too late", AGENT, at(3)))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("CLOSED")
        .hasMessageContaining("ANSWERED")
        .satisfies(
            e -> {
              IllegalTransitionException refused = (IllegalTransitionException) e;
              assertThat(refused.from()).isEqualTo(CLOSED);
              assertThat(refused.to()).isEqualTo(ANSWERED);
            });
    assertThat(inquiry.status()).isEqualTo(CLOSED);
    assertThat(inquiry.history()).hasSize(2);
  }

  @Test
  void theStatusMachine() {
    assertThat(NEW.canMoveTo(ANSWERED)).isTrue();
    assertThat(NEW.canMoveTo(CLOSED)).isTrue();
    assertThat(NEW.canMoveTo(NEW)).isFalse();
    assertThat(ANSWERED.canMoveTo(ANSWERED)).isTrue();
    assertThat(ANSWERED.canMoveTo(CLOSED)).isTrue();
    assertThat(ANSWERED.canMoveTo(NEW)).isFalse();
    for (InquiryStatus next : InquiryStatus.values()) {
      assertThat(CLOSED.canMoveTo(next)).as("CLOSED -> %s", next).isFalse();
    }
    assertThat(CLOSED.isFinal()).isTrue();
    assertThat(NEW.isFinal()).isFalse();
    assertThat(ANSWERED.isFinal()).isFalse();
  }

  @Test
  void itsArrivalIsPublishedWithItsRoute() {
    Inquiry inquiry = received(new Route("order", "orders@shop.example", false));
    assertThat(inquiry.received())
        .isEqualTo(
            new ContactReceived(
                inquiry.id(),
                "Ada Lovelace",
                "ada@example.com",
                "order",
                "Where is my parcel?",
                "fr",
                "orders@shop.example",
                false,
                T0));
    Inquiry queued = received(new Route(null, null, true));
    assertThat(queued.received().teamMailbox()).isNull();
    assertThat(queued.received().supportQueue()).isTrue();
  }

  @Test
  void anAnswerIsPublishedQuotingTheMessage() {
    Inquiry inquiry = received();
    inquiry.answer("It left yesterday.", AGENT, at(5));
    assertThat(inquiry.answered("It left yesterday.", at(5)))
        .isEqualTo(
            new ContactAnswered(
                inquiry.id(),
                "Ada Lovelace",
                "ada@example.com",
                "order",
                "Where is my parcel?",
                "It left yesterday.",
                "fr",
                at(5)));
  }
}
