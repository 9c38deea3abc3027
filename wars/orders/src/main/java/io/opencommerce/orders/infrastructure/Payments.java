package io.opencommerce.orders.infrastructure;

import io.opencommerce.orders.domain.PaymentProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The payment provider this store uses: {@code orders.payment.provider} (default {@code none}). */
@ApplicationScoped
public class Payments {
  @Inject @Any Instance<PaymentProvider> providers;

  @Inject
  @ConfigProperty(name = "orders.payment.provider", defaultValue = NoPaymentRequired.CODE)
  String configured;

  private PaymentProvider provider;

  @PostConstruct
  void init() {
    provider =
        providers.stream()
            .filter(p -> p.code().equals(configured))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "orders.payment.provider names no known provider: " + configured));
  }

  public PaymentProvider provider() {
    return provider;
  }
}
