package io.opencommerce.orders.application;

import io.opencommerce.baskets.client.BasketView;
import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import io.opencommerce.contracts.orders.PostalAddress;
import io.opencommerce.kit.client.UpstreamFailure;
import io.opencommerce.kit.persistence.UniqueKeys;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.security.HmacKey;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.orders.client.CheckoutRequest;
import io.opencommerce.orders.domain.Order;
import io.opencommerce.orders.domain.OrderItem;
import io.opencommerce.orders.domain.OrderNumbers;
import io.opencommerce.orders.infrastructure.AddressesService;
import io.opencommerce.orders.infrastructure.BasketsService;
import io.opencommerce.orders.infrastructure.ProductsService;
import io.opencommerce.products.client.ReservationRequest;
import io.opencommerce.products.client.ReservationView;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Checkout: turns the customer's basket into an order, once per {@code Idempotency-Key}. Every call
 * it makes is one hop deep: each service it asks answers from its own data.
 *
 * <ol>
 *   <li>An order placed earlier under the same key is the answer (a replay). The order's id follows
 *       from the customer and the key under a server secret ({@code orders.order-id.secret}), so
 *       concurrent attempts name the same order and nobody can tell an id in advance.
 *   <li>The basket (baskets service, the customer's token) must hold items, all of them buyable, in
 *       one currency.
 *   <li>The addresses (addresses service, the customer's token) must be the customer's own; they
 *       are copied.
 *   <li>The units are held by the products service (the orders service's own token, the customer
 *       named in the request) under a key derived from the order's id, at the prices the basket
 *       showed: if a price moved, nothing is held and the checkout is refused with 409 {@code
 *       prices-changed} and the basket re-priced. The order is placed only if the reservation is
 *       held, for this order and customer, with exactly the basket's lines.
 *   <li>The order is stored at the reservation's prices, the payment step runs and {@code
 *       OrderPlaced} is published, in one transaction; the products service then sells the units,
 *       the baskets service empties the basket and the deliveries service books the shipment.
 * </ol>
 *
 * A failure after the reservation releases it; a concurrent attempt with the same key that lost the
 * race answers the winner's order.
 */
@ApplicationScoped
public class Checkout {
  private static final Logger LOG = Logger.getLogger(Checkout.class.getName());

  @Inject BasketsService baskets;
  @Inject AddressesService addresses;
  @Inject ProductsService products;
  @Inject Orders orders;
  @Inject CurrentRequest request;
  @Inject MetricRegistry metrics;

  private HmacKey idKey;

  /** The order, and whether this request placed it (false for a replay). */
  public record Result(Order order, boolean created) {}

  @PostConstruct
  void init() {
    idKey = HmacKey.configured("orders.order-id.secret", "order ids");
  }

  /**
   * Checks the basket out, counted in {@code checkouts_total{outcome}} (placed, replayed, refused,
   * failed) and timed in {@code checkout_duration}.
   */
  public Result checkout(UUID customer, String key, CheckoutRequest body) {
    long started = System.nanoTime();
    String outcome = "failed";
    try {
      Result result = place(customer, key, body);
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

  private Result place(UUID customer, String key, CheckoutRequest body) {
    UUID orderId = OrderNumbers.idFor(idKey, customer, key);
    Optional<Order> earlier = orders.byId(orderId);
    if (earlier.isPresent()) {
      return new Result(earlier.get(), false);
    }
    try {
      return placeNew(orderId, customer, key, body);
    } catch (ProblemException | UpstreamFailure e) {
      // A concurrent attempt with the same key may have placed the order meanwhile (its
      // OrderPlaced then emptied the basket or sold the reservation): that order is the answer.
      Optional<Order> winner = orders.byId(orderId);
      if (winner.isPresent()) {
        return new Result(winner.get(), false);
      }
      throw e;
    }
  }

  private Result placeNew(UUID orderId, UUID customer, String key, CheckoutRequest body) {
    BasketView basket = baskets.basket();
    List<BasketView.Line> lines = buyable(basket);
    PostalAddress shipping = address(body.shippingAddressId(), "shippingAddressId");
    PostalAddress billing =
        body.billingAddressId() == null || body.billingAddressId().equals(body.shippingAddressId())
            ? shipping
            : address(body.billingAddressId(), "billingAddressId");

    ReservationView reservation = reserve(orderId, customer, basket, lines);
    Map<UUID, ReservationView.LineView> held = heldLines(reservation, orderId, customer, lines);
    List<OrderItem> items =
        lines.stream()
            .map(
                l ->
                    new OrderItem(
                        l.productId(),
                        l.sku(),
                        l.name(),
                        l.quantity(),
                        held.get(l.productId()).unitPrice()))
            .toList();
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
      // A concurrent attempt with the same key placed it: its order is the answer, and the
      // reservation (the same one: its key follows from the order's id) is the winner's.
      return UniqueKeys.insertOrWinner(
          () -> new Result(orders.place(order), true),
          () -> orders.byId(orderId).map(winner -> new Result(winner, false)));
    } catch (RuntimeException e) {
      release(reservation.id());
      throw e;
    }
  }

  /** The basket's lines; refuses an empty basket, one with lines to fix first, mixed currencies. */
  private static List<BasketView.Line> buyable(BasketView basket) {
    if (basket.lines() == null || basket.lines().isEmpty()) {
      throw ProblemException.conflict("basket-empty", "The basket is empty.");
    }
    List<FieldViolation> blocked =
        basket.lines().stream()
            .filter(l -> !"ok".equals(l.status()))
            .map(l -> new FieldViolation("basket." + l.productId(), l.status()))
            .toList();
    if (!blocked.isEmpty()) {
      throw basketNotReady(blocked);
    }
    if (basket.lines().stream().anyMatch(l -> !l.currency().equals(basket.currency()))) {
      throw ProblemException.conflict(
          "mixed-currencies", "The basket holds products priced in different currencies.");
    }
    return basket.lines();
  }

  private static ProblemException basketNotReady(List<FieldViolation> blocked) {
    return ProblemException.conflict(
        "basket-not-ready",
        "Some products in the basket can no longer be bought; remove them or lower their"
            + " quantities, then check out again.",
        blocked);
  }

  /**
   * Holds the lines at the basket's prices. The products service's refusals become the checkout's
   * own: units short stay {@code insufficient-stock}, a product gone makes the basket not ready, a
   * price that moved is {@code prices-changed} with the basket re-priced.
   */
  private ReservationView reserve(
      UUID orderId, UUID customer, BasketView basket, List<BasketView.Line> lines) {
    ReservationRequest hold =
        new ReservationRequest(
            customer,
            lines.stream()
                .map(
                    l ->
                        new ReservationRequest.Line(
                            l.productId(), l.quantity(), l.unitPrice(), l.currency()))
                .toList(),
            orderId.toString(),
            null);
    try {
      return products.reserve("order-" + orderId, hold);
    } catch (ProblemException e) {
      if (e.status() == 404) {
        throw basketNotReady(
            List.of(
                new FieldViolation("basket", "a product is no longer sold; reload the basket")));
      }
      if ("prices-changed".equals(e.code())) {
        throw pricesChanged(basket, e);
      }
      throw e;
    }
  }

  /** 409 {@code prices-changed}, naming each line whose price moved, with the basket re-priced. */
  private static ProblemException pricesChanged(BasketView basket, ProblemException refusal) {
    Map<UUID, BigDecimal> now = new HashMap<>();
    if (refusal.extensions().get("prices") instanceof JsonArray prices) {
      for (JsonObject price : prices.getValuesAs(JsonObject.class)) {
        now.put(
            UUID.fromString(price.getString("productId")),
            price.getJsonNumber("unitPrice").bigDecimalValue());
      }
    }
    List<FieldViolation> moved =
        basket.lines().stream()
            .filter(l -> now.containsKey(l.productId()))
            .filter(l -> now.get(l.productId()).compareTo(l.unitPrice()) != 0)
            .map(
                l ->
                    new FieldViolation(
                        "basket." + l.productId(),
                        "costs "
                            + now.get(l.productId()).toPlainString()
                            + " "
                            + l.currency()
                            + " now, not "
                            + l.unitPrice().toPlainString()))
            .toList();
    List<BasketView.Line> repriced =
        basket.lines().stream()
            .map(
                l -> {
                  BigDecimal price = now.getOrDefault(l.productId(), l.unitPrice());
                  return new BasketView.Line(
                      l.productId(),
                      l.sku(),
                      l.name(),
                      l.quantity(),
                      price,
                      price.multiply(BigDecimal.valueOf(l.quantity())),
                      l.currency(),
                      l.status());
                })
            .toList();
    BigDecimal subtotal =
        repriced.stream()
            .map(BasketView.Line::lineTotal)
            .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    return ProblemException.conflict(
            "prices-changed",
            "Prices changed since the basket was shown; nothing was ordered. Check the new prices"
                + " and check out again.",
            moved)
        .with(
            "basket",
            new BasketView(basket.id(), repriced, basket.itemCount(), subtotal, basket.currency()));
  }

  /**
   * The reservation's lines by product, once it is certain the reservation holds this order's
   * units: held, for this order and customer, with exactly the basket's lines at their prices.
   * Anything else places no order: a hold that ended (a failed earlier attempt with the same key
   * gave it back) asks for a new checkout, a different basket under the same key is refused.
   */
  private Map<UUID, ReservationView.LineView> heldLines(
      ReservationView reservation, UUID orderId, UUID customer, List<BasketView.Line> lines) {
    if (!orderId.toString().equals(reservation.reference())
        || !customer.equals(reservation.customerId())) {
      LOG.severe(
          () ->
              "Reservation "
                  + reservation.id()
                  + " answered for order "
                  + orderId
                  + " belongs to another order or customer; nothing ordered");
      throw new UpstreamFailure("products", "a reservation for another order came back", null);
    }
    if (!"HELD".equals(reservation.status())) {
      throw ProblemException.conflict(
          "checkout-expired",
          "This checkout's hold on the units ended ("
              + reservation.status().toLowerCase(java.util.Locale.ROOT)
              + "); check out again with a new Idempotency-Key.");
    }
    Map<UUID, ReservationView.LineView> held =
        reservation.lines().stream()
            .collect(Collectors.toMap(ReservationView.LineView::productId, l -> l));
    boolean same =
        held.size() == lines.size()
            && lines.stream()
                .allMatch(
                    l -> {
                      ReservationView.LineView h = held.get(l.productId());
                      return h != null
                          && h.quantity() == l.quantity()
                          && h.unitPrice() != null
                          && h.unitPrice().compareTo(l.unitPrice()) == 0
                          && Objects.equals(h.currency(), l.currency());
                    });
    if (!same) {
      throw ProblemException.conflict(
          "idempotency-key-reused",
          "This Idempotency-Key was used for a checkout of a different basket; send a new key.");
    }
    return held;
  }

  private PostalAddress address(UUID id, String field) {
    return addresses
        .address(id)
        .orElseThrow(
            () -> ProblemException.invalidBody(field, "is not an address in your address book"));
  }

  private void release(UUID reservationId) {
    try {
      products.release(reservationId);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "Reservation {0} not released after a failed checkout; it expires on its own ({1})",
          new Object[] {reservationId, e.toString()});
    }
  }
}
