package io.opencommerce.kit.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodicWorkTest {
  /** A clock the test moves by hand. */
  private static final class TestClock extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final TestClock clock = new TestClock();

  /** A job whose batches do the given amounts of work, or fail where the amount is negative. */
  private static PeriodicWork.Batch scripted(List<Integer> calls, Integer... amounts) {
    Deque<Integer> left = new ArrayDeque<>(List.of(amounts));
    return max -> {
      calls.add(max);
      int amount = left.isEmpty() ? 0 : left.pop();
      if (amount < 0) {
        throw new IllegalStateException("database away");
      }
      return amount;
    };
  }

  @Test
  void aRunDrainsWhileBatchesComeBackFull() {
    List<Integer> calls = new ArrayList<>();
    PeriodicWork.Drain drain =
        new PeriodicWork.Drain("test", 10, scripted(calls, 10, 10, 3, 10), clock);

    assertThat(drain.run()).isEqualTo(23);
    assertThat(calls).containsExactly(10, 10, 10);
  }

  @Test
  void aFailureBacksOffAndASuccessEndsTheBackOff() {
    List<Integer> calls = new ArrayList<>();
    PeriodicWork.Drain drain = new PeriodicWork.Drain("test", 10, scripted(calls, -1, 4), clock);

    assertThat(drain.run()).isEqualTo(-1);
    assertThat(drain.backoff()).isEqualTo(PeriodicWork.FIRST_BACKOFF);
    assertThat(drain.run()).as("backing off: the batch is not called").isEqualTo(-1);
    assertThat(calls).hasSize(1);
  }

  @Test
  void theBackOffDoublesUpToItsLimit() {
    PeriodicWork.Drain drain =
        new PeriodicWork.Drain(
            "test",
            10,
            max -> {
              throw new IllegalStateException("broker away");
            },
            clock);
    drain.run();
    assertThat(drain.backoff()).isEqualTo(PeriodicWork.FIRST_BACKOFF);
    clock.advance(PeriodicWork.FIRST_BACKOFF);
    drain.run();
    assertThat(drain.backoff()).isEqualTo(PeriodicWork.FIRST_BACKOFF.multipliedBy(2));
    for (int i = 0; i < 10; i++) {
      clock.advance(drain.backoff());
      drain.run();
    }
    assertThat(drain.backoff()).isEqualTo(PeriodicWork.MAX_BACKOFF);
  }

  @Test
  void aRunAfterTheBackOffSucceedsAndResets() {
    List<Integer> calls = new ArrayList<>();
    PeriodicWork.Drain drain = new PeriodicWork.Drain("test", 10, scripted(calls, -1, 4), clock);
    drain.run();
    clock.advance(PeriodicWork.FIRST_BACKOFF);

    assertThat(drain.run()).isEqualTo(4);
    assertThat(drain.backoff()).isZero();
  }
}
