package io.opencommerce.newsletters.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.opencommerce.newsletters.domain.Subscriber.Confirmation;
import io.opencommerce.newsletters.domain.Subscriber.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriberTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final Duration EXPIRY = Duration.ofDays(7);

  @Test
  void aRequestIsPendingAndKeptUnderItsNormalizedAddress() {
    Subscriber subscriber = new Subscriber("default", "  Ann.Lee@Example.COM ", "fr", NOW);
    assertThat(subscriber.email()).isEqualTo("ann.lee@example.com");
    assertThat(subscriber.status()).isEqualTo(SubscriptionStatus.PENDING);
    assertThat(subscriber.optInRound()).isEqualTo(1);
    assertThat(subscriber.receivesMarketing()).isFalse();
    assertThat(subscriber.requestedAt()).isEqualTo(NOW);
  }

  @Test
  void theLinkConfirmsAndConfirmingTwiceIsHarmless() {
    Subscriber subscriber = new Subscriber("default", "ann@example.com", "en", NOW);
    assertThat(subscriber.confirm(1, EXPIRY, NOW.plusSeconds(60)))
        .isEqualTo(Confirmation.CONFIRMED);
    assertThat(subscriber.receivesMarketing()).isTrue();
    assertThat(subscriber.confirmedAt()).isEqualTo(NOW.plusSeconds(60));
    assertThat(subscriber.confirm(1, EXPIRY, NOW.plusSeconds(120)))
        .isEqualTo(Confirmation.ALREADY_CONFIRMED);
    assertThat(subscriber.confirmedAt()).isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void aRequestThatWaitedTooLongIsNotConfirmed() {
    Subscriber subscriber = new Subscriber("default", "ann@example.com", "en", NOW);
    assertThat(subscriber.isExpired(EXPIRY, NOW.plus(EXPIRY))).isFalse();
    assertThat(subscriber.confirm(1, EXPIRY, NOW.plus(EXPIRY).plusSeconds(1)))
        .isEqualTo(Confirmation.EXPIRED);
    assertThat(subscriber.status()).isEqualTo(SubscriptionStatus.PENDING);
    // Asking again starts the wait again: the same link works then.
    assertThat(subscriber.request(null, NOW.plus(EXPIRY))).isEqualTo(Request.MAIL_CONFIRMATION);
    assertThat(subscriber.confirm(1, EXPIRY, NOW.plus(EXPIRY).plusSeconds(1)))
        .isEqualTo(Confirmation.CONFIRMED);
  }

  @Test
  void askingAgainWhilePendingMailsTheLinkOfTheSameRound() {
    Subscriber subscriber = new Subscriber("default", "ann@example.com", "en", NOW);
    assertThat(subscriber.request("fr", NOW.plusSeconds(5))).isEqualTo(Request.MAIL_CONFIRMATION);
    assertThat(subscriber.optInRound()).isEqualTo(1);
    assertThat(subscriber.language()).isEqualTo("fr");
    assertThat(subscriber.request(null, NOW.plusSeconds(9))).isEqualTo(Request.MAIL_CONFIRMATION);
    assertThat(subscriber.language()).as("kept without one").isEqualTo("fr");
  }

  @Test
  void aRequestChangesNothingOfAConfirmedSubscriber() {
    Subscriber subscriber = new Subscriber("default", "ann@example.com", "en", NOW);
    subscriber.confirm(1, EXPIRY, NOW);
    assertThat(subscriber.request("fr", NOW.plusSeconds(5))).isEqualTo(Request.NOTHING);
    assertThat(subscriber.language()).isEqualTo("en");
    assertThat(subscriber.requestedAt()).isEqualTo(NOW);
    assertThat(subscriber.status()).isEqualTo(SubscriptionStatus.CONFIRMED);
  }

  @Test
  void leavingStopsMarketingMailAndLeavingTwiceIsHarmless() {
    Subscriber subscriber = new Subscriber("default", "ann@example.com", "en", NOW);
    subscriber.confirm(1, EXPIRY, NOW);
    assertThat(subscriber.unsubscribe(NOW.plusSeconds(30))).isTrue();
    assertThat(subscriber.receivesMarketing()).isFalse();
    assertThat(subscriber.status()).isEqualTo(SubscriptionStatus.UNSUBSCRIBED);
    assertThat(subscriber.unsubscribedAt()).isEqualTo(NOW.plusSeconds(30));
    assertThat(subscriber.unsubscribe(NOW.plusSeconds(60))).isFalse();
    assertThat(subscriber.unsubscribedAt()).isEqualTo(NOW.plusSeconds(30));
  }

  @Test
  void aPendingSubscriberMayLeaveBeforeConfirming() {
    Subscriber subscriber = new Subscriber("default", "ann@example.com", "en", NOW);
    assertThat(subscriber.unsubscribe(NOW)).isTrue();
    assertThat(subscriber.confirm(1, EXPIRY, NOW)).isEqualTo(Confirmation.OUTDATED);
    assertThat(subscriber.receivesMarketing()).isFalse();
  }

  @Test
  void askingAgainAfterLeavingStartsANewOptInThatOldLinksCannotConfirm() {
    Subscriber subscriber = new Subscriber("default", "ann@example.com", "en", NOW);
    subscriber.confirm(1, EXPIRY, NOW);
    subscriber.unsubscribe(NOW.plusSeconds(10));
    // The old link does not bring back someone who left.
    assertThat(subscriber.confirm(1, EXPIRY, NOW.plusSeconds(20))).isEqualTo(Confirmation.OUTDATED);

    assertThat(subscriber.request(null, NOW.plusSeconds(30))).isEqualTo(Request.MAIL_CONFIRMATION);
    assertThat(subscriber.status()).isEqualTo(SubscriptionStatus.PENDING);
    assertThat(subscriber.optInRound()).isEqualTo(2);
    assertThat(subscriber.confirmedAt()).isNull();
    assertThat(subscriber.unsubscribedAt()).isNull();
    assertThat(subscriber.receivesMarketing()).isFalse();
    // Nor does it confirm the new request: only the new link does.
    assertThat(subscriber.confirm(1, EXPIRY, NOW.plusSeconds(40))).isEqualTo(Confirmation.OUTDATED);
    assertThat(subscriber.status()).isEqualTo(SubscriptionStatus.PENDING);
    assertThat(subscriber.confirm(2, EXPIRY, NOW.plusSeconds(50)))
        .isEqualTo(Confirmation.CONFIRMED);
  }

  @Test
  void aCustomerOwnsTheirAddressAndChangesItsLanguage() {
    Subscriber subscriber = new Subscriber("default", "ann@example.com", "en", NOW);
    UUID customer = UUID.randomUUID();
    subscriber.belongsTo(customer, NOW.plusSeconds(1));
    assertThat(subscriber.customerId()).isEqualTo(customer);
    assertThat(subscriber.changeLanguage("fr", NOW.plusSeconds(2))).isTrue();
    assertThat(subscriber.changeLanguage("fr", NOW.plusSeconds(3))).isFalse();
    assertThat(subscriber.changeLanguage(null, NOW.plusSeconds(3))).isFalse();
    assertThat(subscriber.language()).isEqualTo("fr");
  }
}
