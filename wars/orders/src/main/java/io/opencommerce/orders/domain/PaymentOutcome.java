package io.opencommerce.orders.domain;

import java.util.Objects;

/** What the payment step answered, and the provider's own reference for it (if any). */
public record PaymentOutcome(Status status, String reference) {

  /** The outcomes a provider can give. */
  public enum Status {
    /** Nothing to collect (today's default: payment happens outside the platform). */
    NOT_REQUIRED,
    AUTHORIZED,
    /** The provider will answer later; the order waits in PLACED. */
    PENDING,
    DECLINED
  }

  public PaymentOutcome {
    Objects.requireNonNull(status);
  }

  /** Whether the order can be confirmed. */
  public boolean passed() {
    return status == Status.NOT_REQUIRED || status == Status.AUTHORIZED;
  }
}
