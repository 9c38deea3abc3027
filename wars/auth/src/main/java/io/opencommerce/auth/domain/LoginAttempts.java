package io.opencommerce.auth.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;

/**
 * An account's recent failed logins and lock. Failures count within a window that opens at the
 * first failure; reaching the limit locks the account and starts a fresh count.
 */
@Embeddable
public class LoginAttempts {
  @Column(name = "failed_logins", nullable = false)
  private int failures;

  @Column(name = "failure_window_start")
  private Instant windowStart;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  public boolean isLocked(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /** How long the lock still holds, or zero. */
  public Duration remainingLock(Instant now) {
    return isLocked(now) ? Duration.between(now, lockedUntil) : Duration.ZERO;
  }

  /** Counts a failure; returns true when this failure locked the account. */
  public boolean recordFailure(Instant now, LockoutPolicy policy) {
    if (windowStart == null || !now.isBefore(windowStart.plus(policy.window()))) {
      windowStart = now;
      failures = 0;
    }
    failures++;
    if (failures >= policy.maxFailures()) {
      lockedUntil = now.plus(policy.lockDuration());
      failures = 0;
      windowStart = null;
      return true;
    }
    return false;
  }

  public void recordSuccess() {
    failures = 0;
    windowStart = null;
    lockedUntil = null;
  }

  public int failures() {
    return failures;
  }

  public Instant lockedUntil() {
    return lockedUntil;
  }
}
