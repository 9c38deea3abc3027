package io.opencommerce.auth.domain;

import java.time.Duration;

/**
 * After {@code maxFailures} failed logins within {@code window}, the account is locked for {@code
 * lockDuration}.
 */
public record LockoutPolicy(int maxFailures, Duration window, Duration lockDuration) {
  public LockoutPolicy {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1");
    }
    if (window.isNegative()
        || window.isZero()
        || lockDuration.isNegative()
        || lockDuration.isZero()) {
      throw new IllegalArgumentException("window and lock duration must be positive");
    }
  }
}
