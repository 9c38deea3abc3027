package io.opencommerce.orders.domain;

/**
 * The payment step of a checkout, one implementation per payment service provider. This is the port
 * the use cases speak to; each provider is an adapter of the infrastructure layer (a CDI bean,
 * chosen by {@link #code()} through {@code orders.payment.provider}: {@code
 * io.opencommerce.orders.infrastructure.Payments}). It runs while the order is being placed: an
 * outcome that {@linkplain PaymentOutcome#passed() passes} confirms the order, a pending one leaves
 * it placed, a declined one fails the checkout and nothing is ordered.
 */
public interface PaymentProvider {
  /** The provider's name in configuration and on orders. */
  String code();

  PaymentOutcome pay(PaymentRequest request);
}
