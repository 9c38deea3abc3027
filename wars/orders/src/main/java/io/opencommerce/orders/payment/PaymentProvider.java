package io.opencommerce.orders.payment;

/**
 * The payment step of a checkout, one implementation per payment service provider (a CDI bean,
 * chosen by {@link #code()} through {@code orders.payment.provider}). It runs while the order is
 * being placed: an outcome that {@linkplain PaymentOutcome#passed() passes} confirms the order, a
 * pending one leaves it placed, a declined one fails the checkout and nothing is ordered.
 */
public interface PaymentProvider {
  /** The provider's name in configuration and on orders. */
  String code();

  PaymentOutcome pay(PaymentRequest request);
}
