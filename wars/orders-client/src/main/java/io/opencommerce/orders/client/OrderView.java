package io.opencommerce.orders.client;

import io.opencommerce.contracts.orders.PostalAddress;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An order as placed: prices and addresses are copies taken at checkout, so later catalog or
 * address-book changes do not alter it. {@code status} is PLACED, CONFIRMED, SHIPPED, DELIVERED or
 * CANCELLED; {@code history} lists every transition, oldest first.
 */
public record OrderView(
    UUID id,
    String number,
    UUID customerId,
    String status,
    List<Line> lines,
    int itemCount,
    BigDecimal subtotal,
    BigDecimal total,
    String currency,
    PostalAddress shippingAddress,
    PostalAddress billingAddress,
    Payment payment,
    Shipment shipment,
    List<Transition> history,
    Instant placedAt,
    Instant updatedAt) {

  /** One product, at the price it was sold for. */
  public record Line(
      UUID productId,
      String sku,
      String name,
      int quantity,
      BigDecimal unitPrice,
      BigDecimal lineTotal) {}

  /**
   * The payment step: the provider that handled it and its outcome (NOT_REQUIRED, AUTHORIZED,
   * PENDING or DECLINED).
   */
  public record Payment(String provider, String status, String reference) {}

  /** The order's shipment, once the deliveries service has booked it. */
  public record Shipment(
      UUID id, String carrier, String trackingNumber, String status, LocalDate estimatedDelivery) {}

  /** One status change: who or what made it, and why. */
  public record Transition(String from, String to, Instant at, String actor, String reason) {}
}
