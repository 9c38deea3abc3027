package io.opencommerce.newsletters.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(30), 5);

  @Test
  void doublesFromTheFirstDelayUpToTheLongest() {
    assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
    assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofMinutes(16));
    assertThat(backoff.delayAfter(6)).isEqualTo(Duration.ofMinutes(30));
    assertThat(backoff.delayAfter(1_000)).isEqualTo(Duration.ofMinutes(30));
    assertThat(backoff.delayAfter(0)).isEqualTo(Duration.ZERO);
  }

  @Test
  void allowsAttemptsUpToTheMaximum() {
    assertThat(backoff.allowsAnotherAfter(4)).isTrue();
    assertThat(backoff.allowsAnotherAfter(5)).isFalse();
  }

  @Test
  void refusesSettingsThatMakeNoSense() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofMinutes(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(1), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
