package io.opencommerce.orders.application;

import io.opencommerce.addresses.client.AddressView;
import io.opencommerce.baskets.client.BasketView;
import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import io.opencommerce.contracts.orders.PostalAddress;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.orders.client.CheckoutRequest;
import io.opencommerce.orders.domain.Order;
import io.opencommerce.orders.domain.OrderItem;
import io.opencommerce.orders.domain.OrderNumbers;
import io.opencommerce.products.client.ReservationRequest;
import io.opencommerce.products.client.ReservationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Checkout: turns the customer's basket into an order, once per {@code Idempotency-Key}.
 *
 * <ol>
 *   <li>An order placed earlier under the same key is the answer (a replay).
 *   <li>The basket (baskets service) must hold items, all of them buyable, in one currency.
 *   <li>The addresses (addresses service) must be the customer's own; they are copied.
 *   <li>The units are reserved (products service), under a key derived from the order's id, so a
 *       retried or concurrent attempt holds them once.
 *   <li>The order is stored with the basket's prices, the payment step runs and {@code OrderPlaced}
 *       is published, in one transaction; the products service then sells the reserved units, the
 *       baskets service empties the basket and the deliveries service books the shipment.
 * </ol>
 *
 * A failure after the reservation releases it; a concurrent attempt with the same key that lost the
 * race answers the winner's order.
 */
@ApplicationScoped
public class Checkout {
  private static final Logger LOG = Logger.getLogger(Checkout.class.getName());

  @Inject Upstream upstream;
  @Inject Orders orders;
  @Inject CurrentRequest request;
  @Inject MetricRegistry metrics;

  /** The order, and whether this request placed it (false for a replay). */
  public record Result(Order order, boolean created) {}

  /**
   * Checks the basket out, counted in {@code checkouts_total{outcome}} (placed, replayed, refused,
   * failed) and timed in {@code checkout_duration}.
   */
  public Result checkout(UUID customer, String bearer, String key, CheckoutRequest body) {
    long started = System.nanoTime();
    String outcome = "failed";
    try {
      Result result = place(customer, bearer, key, body);
      outcome = result.created() ? "placed" : "replayed";
      return result;
    } catch (ProblemException e) {
      outcome = e.status() < 500 ? "refused" : "failed";
      throw e;
    } finally {
      metrics.counter("checkouts", new Tag("outcome", outcome)).inc();
      metrics.timer("checkout_duration").update(Duration.ofNanos(System.nanoTime() - started));
    }
  }

  private Result place(UUID customer, String bearer, String key, CheckoutRequest body) {
    UUID orderId = OrderNumbers.idFor(customer, key);
    Optional<Order> earlier = orders.byId(orderId);
    if (earlier.isPresent()) {
      return new Result(earlier.get(), false);
    }

    BasketView basket = ask("baskets", () -> upstream.basket(bearer));
    List<OrderItem> items = items(basket);
    PostalAddress shipping = address(bearer, body.shippingAddressId(), "body.shippingAddressId");
    PostalAddress billing =
        body.billingAddressId() == null || body.billingAddressId().equals(body.shippingAddressId())
            ? shipping
            : address(bearer, body.billingAddressId(), "body.billingAddressId");

    String number = OrderNumbers.numberOf(orderId);
    ReservationView reservation =
        ask(
            "products",
            () ->
                upstream.reserve(
                    bearer,
                    "order-" + orderId,
                    new ReservationRequest(
                        items.stream()
                            .map(i -> new ReservationRequest.Line(i.productId(), i.quantity()))
                            .toList(),
                        number,
                        null)));
    Order order =
        new Order(
            orderId,
            request.site(),
            customer,
            key,
            items,
            basket.currency(),
            shipping,
            billing,
            reservation.id(),
            Instant.now());
    try {
      return new Result(orders.place(order), true);
    } catch (RuntimeException e) {
      Optional<Order> winner = orders.byId(orderId);
      if (winner.isPresent()) {
        return new Result(winner.get(), false); // a concurrent attempt placed it
      }
      release(bearer, reservation.id());
      throw e;
    }
  }

  /** The basket's lines as order items; refuses an empty basket or one with lines to fix first. */
  private static List<OrderItem> items(BasketView basket) {
    if (basket.lines() == null || basket.lines().isEmpty()) {
      throw ProblemException.conflict("basket-empty", "The basket is empty.");
    }
    List<FieldViolation> blocked =
        basket.lines().stream()
            .filter(l -> !"ok".equals(l.status()))
            .map(l -> new FieldViolation("basket." + l.productId(), l.status()))
            .toList();
    if (!blocked.isEmpty()) {
      throw new ProblemException(
          409,
          "basket-not-ready",
          "Basket not ready",
          "Some products in the basket can no longer be bought; remove them or lower their"
              + " quantities, then check out again.",
          blocked,
          null);
    }
    if (basket.lines().stream().anyMatch(l -> !l.currency().equals(basket.currency()))) {
      throw ProblemException.conflict(
          "mixed-currencies", "The basket holds products priced in different currencies.");
    }
    return basket.lines().stream()
        .map(l -> new OrderItem(l.productId(), l.sku(), l.name(), l.quantity(), l.unitPrice()))
        .toList();
  }

  private PostalAddress address(String bearer, UUID id, String field) {
    AddressView address =
        ask("addresses", () -> upstream.address(bearer, id))
            .orElseThrow(
                () ->
                    ProblemException.invalidField(field, "is not an address in your address book"));
    return new PostalAddress(
        address.recipient(),
        address.company(),
        address.line1(),
        address.line2(),
        address.postalCode(),
        address.city(),
        address.region(),
        address.country(),
        address.phone());
  }

  private void release(String bearer, UUID reservationId) {
    try {
      upstream.release(bearer, reservationId);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Reservation {0} not released after a failed checkout; it expires on its own ({1})",
          new Object[] {reservationId, e.toString()});
    }
  }

  /** Calls another service; anything but its refusal becomes a 503 naming the service. */
  private static <T> T ask(String service, Supplier<T> call) {
    try {
      return call.get();
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "The {0} service could not be reached: {1}", new Object[] {service, e});
      throw ProblemException.unavailable(
          "upstream-unavailable",
          "The " + service + " service is not answering; nothing was ordered. Try again shortly.");
    }
  }
}
