package io.opencommerce.newsletters.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * When a mail the SMTP server turned away for now is tried again: {@code first} after the first
 * failed attempt, then twice as long after each further one, never longer than {@code max}; after
 * {@code maxAttempts} attempts the mail has failed for good.
 */
public record Backoff(Duration first, Duration max, int maxAttempts) {
  public Backoff {
    Objects.requireNonNull(first, "first is required");
    Objects.requireNonNull(max, "max is required");
    if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
      throw new IllegalArgumentException("need 0 < first <= max, got " + first + " and " + max);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
  }

  /** The wait after the {@code attempts}-th failed attempt (1 for the first). */
  public Duration delayAfter(int attempts) {
    if (attempts < 1) {
      return Duration.ZERO;
    }
    Duration delay = first;
    for (int i = 1; i < attempts; i++) {
      delay = delay.multipliedBy(2);
      if (delay.compareTo(max) >= 0) {
        return max;
      }
    }
    return delay;
  }

  /** Whether a mail that has had {@code attempts} attempts may have another. */
  public boolean allowsAnotherAfter(int attempts) {
    return attempts < maxAttempts;
  }
}
