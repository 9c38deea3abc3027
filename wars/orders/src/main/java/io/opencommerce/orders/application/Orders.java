package io.opencommerce.orders.application;

import io.opencommerce.contracts.deliveries.ShipmentStatusChanged;
import io.opencommerce.contracts.orders.OrderCancelled;
import io.opencommerce.contracts.orders.OrderLine;
import io.opencommerce.contracts.orders.OrderPlaced;
import io.opencommerce.kit.events.Received;
import io.opencommerce.kit.persistence.OwnedRecords;
import io.opencommerce.kit.persistence.QueryFilter;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.orders.domain.Order;
import io.opencommerce.orders.domain.OrderStatus;
import io.opencommerce.orders.domain.PaymentOutcome;
import io.opencommerce.orders.domain.PaymentProvider;
import io.opencommerce.orders.domain.PaymentRequest;
import io.opencommerce.orders.domain.ShipmentFollowUp;
import io.opencommerce.orders.infrastructure.Payments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Orders once they exist: placing one (with its payment step and {@code OrderPlaced}, in one
 * transaction), reading and listing, moving along the status machine ({@code OrderCancelled} when
 * cancelled), and following the shipment the deliveries service reports.
 */
@ApplicationScoped
@Transactional
public class Orders {
  private static final Logger LOG = Logger.getLogger(Orders.class.getName());

  @PersistenceContext EntityManager em;
  @Inject CurrentRequest request;
  @Inject OwnedRecords records;
  @Inject Payments payments;
  @Inject Event<OrderPlaced> placed;
  @Inject Event<OrderCancelled> cancelled;

  /** One page of a listing and the number of orders that match. */
  public record Found(List<Order> orders, long total) {}

  /** What a listing is narrowed to; null fields do not narrow it. */
  public record Filter(UUID customerId, OrderStatus status, Instant from, Instant until) {}

  /**
   * Stores a new order, runs the payment step and publishes {@code OrderPlaced}. A second order
   * with the same id (a concurrent replay of the checkout) fails on the primary key, and nothing of
   * this one remains.
   */
  public Order place(Order order) {
    em.persist(order);
    em.flush();
    PaymentProvider provider = payments.provider();
    PaymentOutcome outcome =
        provider.pay(
            new PaymentRequest(
                order.id(), order.number(), order.customerId(), order.total(), order.currency()));
    order.recordPayment(provider.code(), outcome.status().name(), outcome.reference());
    if (outcome.status() == PaymentOutcome.Status.DECLINED) {
      throw ProblemException.paymentRequired("payment-declined", "The payment was declined.");
    }
    if (outcome.passed()) {
      order.moveTo(
          OrderStatus.CONFIRMED,
          Instant.now(),
          Order.SYSTEM,
          "payment " + outcome.status().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    placed.fire(
        new OrderPlaced(
            order.id(),
            order.number(),
            order.customerId(),
            order.reservationId(),
            lines(order),
            order.total(),
            order.currency(),
            order.shippingAddress(),
            order.placedAt()));
    return order;
  }

  /** The order a checkout with this id placed, in any site (ids are global). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Order> byId(UUID id) {
    return Optional.ofNullable(em.find(Order.class, id.toString()));
  }

  /** The order, if the caller may see it (its owner, support agents, administrators); else 404. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Order get(UUID id, UUID caller, boolean seesAll) {
    return records.find(em, Order.class, id, caller, seesAll);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Found list(Filter filter, int limit, int offset) {
    QueryFilter where =
        new QueryFilter()
            .and("o.site = :site", "site", request.site())
            .and(
                "o.customerId = :customer",
                "customer",
                filter.customerId() == null ? null : filter.customerId().toString())
            .and("o.status = :status", "status", filter.status())
            .and("o.placedAt >= :from", "from", filter.from())
            .and("o.placedAt < :until", "until", filter.until());
    TypedQuery<Order> query =
        where
            .bind(
                em.createQuery(
                    "SELECT o FROM CustomerOrder o"
                        + where.where()
                        + " ORDER BY o.placedAt DESC, o.id",
                    Order.class))
            .setFirstResult(offset)
            .setMaxResults(limit);
    TypedQuery<Long> count =
        where.bind(
            em.createQuery("SELECT COUNT(o) FROM CustomerOrder o" + where.where(), Long.class));
    return new Found(query.getResultList(), count.getSingleResult());
  }

  /**
   * Cancels an order that has not shipped, once its shipment is stopped ({@link Cancellations} asks
   * the deliveries service first), and publishes {@code OrderCancelled}, which gives its units
   * back. Cancelling a cancelled order again changes nothing.
   */
  public Order cancel(UUID id, UUID caller, boolean admin, String reason) {
    Order order = locked(id, caller, admin);
    if (order.status() == OrderStatus.CANCELLED) {
      return order;
    }
    requireCancellable(order);
    moveTo(order, OrderStatus.CANCELLED, caller.toString(), reason == null ? "cancelled" : reason);
    return order;
  }

  /** 409 {@code order-not-cancellable} unless the order is placed or confirmed. */
  static void requireCancellable(Order order) {
    if (!order.status().canMoveTo(OrderStatus.CANCELLED)) {
      throw ProblemException.conflict(
          "order-not-cancellable",
          "The order is " + order.status() + "; only placed or confirmed orders can be cancelled.");
    }
  }

  /**
   * An administrator moves an order along the status machine by hand (to {@code CANCELLED} through
   * {@link Cancellations}, like anyone else).
   */
  public Order changeStatus(UUID id, UUID admin, OrderStatus next, String reason) {
    Order order = locked(id, admin, true);
    if (!order.status().canMoveTo(next)) {
      throw ProblemException.conflict(
          "invalid-transition",
          "An order that is " + order.status() + " cannot become " + next + ".");
    }
    moveTo(order, next, admin.toString(), reason);
    return order;
  }

  /**
   * Follows the order's shipment: in transit or out for delivery moves a confirmed order to
   * shipped, delivered moves it to delivered (through shipped if that news was missed). News about
   * a later step than the order's, repeated news and news about a cancelled order change no status.
   * The order decides ({@link Order#followShipment}); an order that cannot follow is logged.
   */
  void shipment(@Observes @Received ShipmentStatusChanged change) {
    Order order = em.find(Order.class, change.orderId().toString(), LockModeType.PESSIMISTIC_WRITE);
    if (order == null) {
      LOG.warning(
          () -> "Shipment " + change.shipmentId() + " names unknown order " + change.orderId());
      return;
    }
    ShipmentFollowUp followUp =
        order.followShipment(
            change.shipmentId(),
            change.carrier(),
            change.trackingNumber(),
            change.status(),
            change.estimatedDelivery(),
            Instant.now());
    if (followUp.outOfStep()) {
      LOG.warning(
          () ->
              "Order "
                  + order.number()
                  + " is "
                  + order.status()
                  + " but its shipment is "
                  + change.status()
                  + "; the order is left as it is");
    }
  }

  private void moveTo(Order order, OrderStatus next, String actor, String reason) {
    order.moveTo(next, Instant.now(), actor, reason);
    if (next == OrderStatus.CANCELLED) {
      cancelled.fire(
          new OrderCancelled(
              order.id(),
              order.number(),
              order.customerId(),
              order.reservationId(),
              lines(order),
              reason));
    }
  }

  private Order locked(UUID id, UUID caller, boolean admin) {
    Order order = get(id, caller, admin);
    em.refresh(order, LockModeType.PESSIMISTIC_WRITE);
    return order;
  }

  private static List<OrderLine> lines(Order order) {
    return order.lines().stream()
        .map(l -> new OrderLine(l.productId(), l.sku(), l.name(), l.quantity(), l.unitPrice()))
        .toList();
  }
}
