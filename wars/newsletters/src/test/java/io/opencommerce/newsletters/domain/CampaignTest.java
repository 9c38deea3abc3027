package io.opencommerce.newsletters.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CampaignTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00.750Z");
  private static final CampaignContent CONTENT =
      new CampaignContent("News", "Hello {{email}}", "<p>Hello {{email}}</p>");

  private static Campaign draft() {
    return new Campaign("default", " Winter sale ", "fr", null, CONTENT, UUID.randomUUID(), NOW);
  }

  /** A campaign that started at NOW + 60 s. */
  private static Campaign sending() {
    Campaign campaign = draft();
    campaign.schedule(NOW.plusSeconds(60), NOW);
    campaign.start(NOW.plusSeconds(60));
    return campaign;
  }

  @Test
  void aCampaignHasATemplateVersionOrItsOwnPartsNotBoth() {
    Campaign own = draft();
    assertThat(own.status()).isEqualTo(CampaignStatus.DRAFT);
    assertThat(own.name()).isEqualTo("Winter sale");
    assertThat(own.content()).isEqualTo(CONTENT);
    assertThat(own.templateVersionId()).isNull();
    UUID version = UUID.randomUUID();
    Campaign stored = new Campaign("default", "Sale", null, version, null, null, NOW);
    assertThat(stored.templateVersionId()).isEqualTo(version);
    assertThat(stored.content()).isNull();
    assertThatThrownBy(() -> new Campaign("default", "x", null, version, CONTENT, null, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Campaign("default", "x", null, null, null, null, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aDraftIsScheduledForATimeToComeAndMayBeMoved() {
    Campaign campaign = draft();
    assertThatThrownBy(() -> campaign.schedule(NOW, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> campaign.schedule(NOW.minusSeconds(1), NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(campaign.status()).isEqualTo(CampaignStatus.DRAFT);
    campaign.schedule(NOW.plusSeconds(60), NOW);
    assertThat(campaign.status()).isEqualTo(CampaignStatus.SCHEDULED);
    campaign.schedule(NOW.plusSeconds(3600), NOW);
    assertThat(campaign.scheduledAt()).isEqualTo(NOW.plusSeconds(3600));
    assertThat(campaign.isDue(NOW.plusSeconds(3599))).isFalse();
    assertThat(campaign.isDue(NOW.plusSeconds(3600))).isTrue();
  }

  @Test
  void itStartsOnlyWhenScheduledAndDue() {
    Campaign campaign = draft();
    assertThatThrownBy(() -> campaign.start(NOW)).isInstanceOf(IllegalTransitionException.class);
    campaign.schedule(NOW.plusSeconds(60), NOW);
    assertThatThrownBy(() -> campaign.start(NOW.plusSeconds(59)))
        .isInstanceOf(IllegalTransitionException.class);
    campaign.start(NOW.plusSeconds(61));
    assertThat(campaign.status()).isEqualTo(CampaignStatus.SENDING);
    assertThat(campaign.startedAt())
        .as("to the whole second")
        .isEqualTo(Instant.parse("2026-12-01T10:01:01Z"));
    assertThat(campaign.isEnqueueing()).isTrue();
  }

  @Test
  void itIsCancelledWhileItWaitsAndNotOnceItHasStarted() {
    Campaign drafted = draft();
    assertThat(drafted.cancel(NOW)).isTrue();
    assertThat(drafted.status()).isEqualTo(CampaignStatus.CANCELLED);
    assertThat(drafted.cancel(NOW.plusSeconds(1))).as("again: nothing changes").isFalse();
    assertThat(drafted.cancelledAt()).isEqualTo(NOW);
    assertThatThrownBy(() -> drafted.schedule(NOW.plusSeconds(60), NOW))
        .isInstanceOf(IllegalTransitionException.class);

    Campaign scheduled = draft();
    scheduled.schedule(NOW.plusSeconds(60), NOW);
    assertThat(scheduled.cancel(NOW)).isTrue();
    assertThat(scheduled.isDue(NOW.plusSeconds(120))).isFalse();

    Campaign started = sending();
    assertThatThrownBy(() -> started.cancel(NOW))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("SENDING");
    assertThatThrownBy(() -> started.schedule(NOW.plusSeconds(600), NOW))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(started.status()).isEqualTo(CampaignStatus.SENDING);
  }

  @Test
  void batchesMoveTheCursorForwardAndASmallBatchIsTheLast() {
    Campaign campaign = sending();
    UUID first = UUID.fromString("10000000-0000-4000-8000-000000000000");
    UUID second = UUID.fromString("20000000-0000-4000-8000-000000000000");
    campaign.enqueued(first, 3, 3, NOW);
    assertThat(campaign.cursor()).isEqualTo(first);
    assertThat(campaign.enqueuedCount()).isEqualTo(3);
    assertThat(campaign.isEnqueueing()).as("a full batch: maybe more").isTrue();
    // A batch read from a stale cursor is refused: the cursor never moves back.
    assertThatThrownBy(() -> campaign.enqueued(first, 1, 3, NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThat(campaign.enqueuedCount()).isEqualTo(3);
    campaign.enqueued(second, 2, 3, NOW.plusSeconds(1));
    assertThat(campaign.enqueuedCount()).isEqualTo(5);
    assertThat(campaign.allEnqueuedAt()).isEqualTo(NOW.plusSeconds(1));
    assertThat(campaign.isEnqueueing()).isFalse();
    assertThatThrownBy(() -> campaign.enqueued(null, 0, 3, NOW))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anEmptyBatchEndsTheEnqueueingWithoutMovingTheCursor() {
    Campaign campaign = sending();
    UUID last = UUID.randomUUID();
    campaign.enqueued(last, 2, 2, NOW);
    campaign.enqueued(null, 0, 2, NOW);
    assertThat(campaign.cursor()).isEqualTo(last);
    assertThat(campaign.isEnqueueing()).isFalse();
    assertThatThrownBy(() -> sending().enqueued(null, 1, 2, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sending().enqueued(last, 3, 2, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void itIsSentOnceEveryMailIsEnqueuedAndNoneIsLeftInTheQueue() {
    Campaign campaign = sending();
    assertThat(campaign.finishIfDrained(0, NOW)).as("still enqueueing").isFalse();
    campaign.enqueued(UUID.randomUUID(), 1, 5, NOW);
    assertThat(campaign.finishIfDrained(1, NOW)).as("one mail still queued").isFalse();
    assertThat(campaign.status()).isEqualTo(CampaignStatus.SENDING);
    assertThat(campaign.finishIfDrained(0, NOW.plusSeconds(5))).isTrue();
    assertThat(campaign.status()).isEqualTo(CampaignStatus.SENT);
    assertThat(campaign.finishedAt()).isEqualTo(NOW.plusSeconds(5));
    assertThat(campaign.finishIfDrained(0, NOW)).isFalse();
    assertThatThrownBy(() -> campaign.cancel(NOW)).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void aCampaignWithoutAudienceIsSentAtOnce() {
    Campaign campaign = sending();
    campaign.enqueued(null, 0, 200, NOW);
    assertThat(campaign.finishIfDrained(0, NOW)).isTrue();
    assertThat(campaign.enqueuedCount()).isZero();
  }
}
