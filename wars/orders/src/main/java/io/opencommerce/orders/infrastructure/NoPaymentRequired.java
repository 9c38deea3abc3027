package io.opencommerce.orders.infrastructure;

import io.opencommerce.orders.domain.PaymentOutcome;
import io.opencommerce.orders.domain.PaymentProvider;
import io.opencommerce.orders.domain.PaymentRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** The provider for stores that collect payment outside the platform: every order passes. */
@ApplicationScoped
public class NoPaymentRequired implements PaymentProvider {
  public static final String CODE = "none";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public PaymentOutcome pay(PaymentRequest request) {
    return new PaymentOutcome(PaymentOutcome.Status.NOT_REQUIRED, null);
  }
}
