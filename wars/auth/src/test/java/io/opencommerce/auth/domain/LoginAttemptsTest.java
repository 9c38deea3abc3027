package io.opencommerce.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginAttemptsTest {
  private static final LockoutPolicy POLICY =
      new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(10));
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void locksOnTheFifthFailureWithinTheWindow() {
    LoginAttempts attempts = new LoginAttempts();
    for (int i = 0; i < 4; i++) {
      assertThat(attempts.recordFailure(T0.plusSeconds(60L * i), POLICY)).isFalse();
    }
    Instant fifth = T0.plusSeconds(14 * 60);
    assertThat(attempts.recordFailure(fifth, POLICY)).isTrue();
    assertThat(attempts.isLocked(fifth)).isTrue();
    assertThat(attempts.remainingLock(fifth)).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void theLockEndsByItself() {
    LoginAttempts attempts = lockedAt(T0);
    assertThat(attempts.isLocked(T0.plus(Duration.ofMinutes(10)).minusMillis(1))).isTrue();
    assertThat(attempts.isLocked(T0.plus(Duration.ofMinutes(10)))).isFalse();
    assertThat(attempts.remainingLock(T0.plus(Duration.ofHours(1)))).isZero();
  }

  @Test
  void failuresOutsideTheWindowStartANewCount() {
    LoginAttempts attempts = new LoginAttempts();
    for (int i = 0; i < 4; i++) {
      attempts.recordFailure(T0, POLICY);
    }
    Instant later = T0.plus(Duration.ofMinutes(15));
    assertThat(attempts.recordFailure(later, POLICY)).isFalse();
    assertThat(attempts.failures()).isEqualTo(1);
    assertThat(attempts.isLocked(later)).isFalse();
  }

  @Test
  void aSuccessfulLoginClearsTheCount() {
    LoginAttempts attempts = new LoginAttempts();
    for (int i = 0; i < 4; i++) {
      attempts.recordFailure(T0, POLICY);
    }
    attempts.recordSuccess();
    assertThat(attempts.recordFailure(T0, POLICY)).isFalse();
    assertThat(attempts.failures()).isEqualTo(1);
  }

  private static LoginAttempts lockedAt(Instant when) {
    LoginAttempts attempts = new LoginAttempts();
    for (int i = 0; i < 5; i++) {
      attempts.recordFailure(when, POLICY);
    }
    return attempts;
  }
}
