package io.opencommerce.kit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencommerce.kit.redis.WindowCounter;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RateLimitTest {
  @Test
  void readsRequestsPerIsoWindow() {
    assertThat(RateLimit.parse("20/PT1M")).contains(new RateLimit(20, Duration.ofMinutes(1)));
    assertThat(RateLimit.parse(" 3 / PT1H ")).contains(new RateLimit(3, Duration.ofHours(1)));
    assertThat(RateLimit.parse("100000/PT1M"))
        .contains(new RateLimit(100_000, Duration.ofMinutes(1)));
    assertThat(RateLimit.parse("5/P1D")).contains(new RateLimit(5, Duration.ofDays(1)));
    assertThat(RateLimit.parse("120/PT1M").orElseThrow()).hasToString("120/PT1M");
  }

  @Test
  void offOrNothingIsNoLimit() {
    assertThat(RateLimit.parse("off")).isEqualTo(Optional.empty());
    assertThat(RateLimit.parse("OFF")).isEmpty();
    assertThat(RateLimit.parse("")).isEmpty();
    assertThat(RateLimit.parse(null)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "20",
        "20/",
        "/PT1M",
        "20/1m",
        "20/minute",
        "0/PT1M",
        "-1/PT1M",
        "20/PT0S",
        "20/-PT1M",
        "twenty/PT1M",
        "1234567890/PT1M",
        "20/PT1M/extra"
      })
  void refusesWhatIsNotALimit(String spec) {
    assertThatThrownBy(() -> RateLimit.parse(spec))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a rate limit")
        .hasMessageContaining("20/PT1M");
  }

  @Test
  void retryAfterIsTheWholeSecondsLeftInTheWindowRoundedUp() {
    assertThat(new WindowCounter.Count(11, 59_001).retryAfter()).isEqualTo(Duration.ofSeconds(60));
    assertThat(new WindowCounter.Count(11, 60_000).retryAfter()).isEqualTo(Duration.ofSeconds(60));
    assertThat(new WindowCounter.Count(11, 1_500).retryAfter())
        .as("told 1 s with 1.5 s left, the client would come back too early")
        .isEqualTo(Duration.ofSeconds(2));
    assertThat(new WindowCounter.Count(11, 1_000).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(new WindowCounter.Count(11, 1).retryAfter()).isEqualTo(Duration.ofSeconds(1));
    assertThat(new WindowCounter.Count(11, 0).retryAfter())
        .as("never 0: a client told to come back at once would hammer")
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(new WindowCounter.Count(4, 3_599_500).retryAfter())
        .isEqualTo(Duration.ofSeconds(3600));
  }
}
