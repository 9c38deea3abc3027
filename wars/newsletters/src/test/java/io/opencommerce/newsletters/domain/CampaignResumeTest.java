package io.opencommerce.newsletters.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The sender's batches as {@code Campaigns.enqueueNextBatch} runs them, against an audience and a
 * mail queue kept in memory: a batch reads the subscribers after the campaign's cursor (in id
 * order, as the database compares ids), writes their mails, and commits them with the moved cursor
 * — or, when the sender dies, commits neither. However often it dies, every subscriber ends with
 * exactly one mail, and nothing is sent again from the start.
 */
class CampaignResumeTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  private static final int BATCH = 10;

  /** The audience, in id order (the ids' text order: what {@code s.id > :after} compares). */
  private final List<UUID> audience =
      IntStream.range(0, 47)
          .mapToObj(i -> UUID.randomUUID())
          .sorted(Comparator.comparing(UUID::toString))
          .toList();

  /** The committed mail queue: subscriber → how many mails the campaign wrote them. */
  private final Map<UUID, Integer> queue = new LinkedHashMap<>();

  private Campaign campaign;

  private Campaign started() {
    Campaign c = new Campaign("default", "News", null, UUID.randomUUID(), null, null, NOW);
    c.schedule(NOW.plusSeconds(1), NOW);
    c.start(NOW.plusSeconds(1));
    return c;
  }

  /** The next subscribers after the cursor, as the audience query reads them. */
  private List<UUID> next(Campaign c) {
    UUID cursor = c.cursor();
    return audience.stream()
        .filter(id -> cursor == null || id.toString().compareTo(cursor.toString()) > 0)
        .limit(BATCH)
        .toList();
  }

  /**
   * One batch. {@code dieAfter} mails into it, the sender dies: the transaction rolls back, so
   * neither its mails nor the cursor's move are kept. Returns whether the batch committed.
   */
  private boolean batch(int dieAfter) {
    if (!campaign.isEnqueueing()) {
      return false;
    }
    List<UUID> batch = next(campaign);
    Map<UUID, Integer> written = new LinkedHashMap<>(queue); // the transaction's view
    for (int i = 0; i < batch.size(); i++) {
      if (i == dieAfter) {
        return false; // rolled back: `written` and the cursor's move are lost
      }
      written.merge(batch.get(i), 1, Integer::sum);
    }
    campaign.enqueued(
        batch.isEmpty() ? null : batch.get(batch.size() - 1), batch.size(), BATCH, NOW);
    queue.clear();
    queue.putAll(written); // commit
    return true;
  }

  @Test
  void withoutFailuresEverySubscriberHasOneMailInFiveBatches() {
    campaign = started();
    int batches = 0;
    while (campaign.isEnqueueing()) {
      assertThat(batch(Integer.MAX_VALUE)).isTrue();
      batches++;
    }
    assertThat(batches).isEqualTo(5); // 10 + 10 + 10 + 10 + 7
    assertThat(queue).hasSize(audience.size()).allSatisfy((id, mails) -> assertThat(mails).isOne());
    assertThat(campaign.enqueuedCount()).isEqualTo(audience.size());
    assertThat(campaign.cursor()).isEqualTo(audience.get(audience.size() - 1));
  }

  @Test
  void aSenderThatDiesMidBatchIsResumedWhereTheLastCommittedBatchEnded() {
    campaign = started();
    assertThat(batch(Integer.MAX_VALUE)).isTrue();
    UUID committed = campaign.cursor();
    assertThat(committed).isEqualTo(audience.get(BATCH - 1));

    // Dies after 4 mails of the second batch, then twice more at once: nothing of them is kept.
    assertThat(batch(4)).isFalse();
    assertThat(batch(0)).isFalse();
    assertThat(batch(9)).isFalse();
    assertThat(campaign.cursor()).isEqualTo(committed);
    assertThat(queue).hasSize(BATCH);

    // The next run starts after the last committed subscriber, never from the start.
    assertThat(next(campaign).get(0)).isEqualTo(audience.get(BATCH));
    List<Boolean> outcomes = new ArrayList<>();
    while (campaign.isEnqueueing()) {
      outcomes.add(batch(Integer.MAX_VALUE));
    }
    assertThat(outcomes).containsOnly(true).hasSize(4);
    assertThat(queue).hasSize(audience.size()).allSatisfy((id, mails) -> assertThat(mails).isOne());
    assertThat(queue.keySet()).containsExactlyElementsOf(audience);
    assertThat(campaign.enqueuedCount()).isEqualTo(audience.size());
  }

  @Test
  void aBatchReadFromAStaleCursorCannotMoveItBack() {
    campaign = started();
    List<UUID> first = next(campaign);
    batch(Integer.MAX_VALUE);
    // Another sender that read the first batch before this one committed (impossible with the
    // campaign's row lock, and refused all the same).
    assertThatThrownBy(
            () -> campaign.enqueued(first.get(first.size() - 1), first.size(), BATCH, NOW))
        .isInstanceOf(IllegalStateException.class);
    assertThat(campaign.enqueuedCount()).isEqualTo(BATCH);
  }

  @Test
  void anAudienceOfExactlyOneBatchEndsWithAnEmptyBatch() {
    campaign = started();
    List<UUID> ten = audience.subList(0, BATCH);
    campaign.enqueued(ten.get(BATCH - 1), BATCH, BATCH, NOW);
    assertThat(campaign.isEnqueueing()).as("a full batch: maybe more").isTrue();
    campaign.enqueued(null, 0, BATCH, NOW);
    assertThat(campaign.isEnqueueing()).isFalse();
    assertThat(campaign.enqueuedCount()).isEqualTo(BATCH);
  }
}
