package io.opencommerce.deliveries.application;

import io.opencommerce.contracts.deliveries.ShipmentStatusChanged;
import io.opencommerce.contracts.orders.OrderCancelled;
import io.opencommerce.contracts.orders.OrderLine;
import io.opencommerce.contracts.orders.OrderPlaced;
import io.opencommerce.contracts.orders.PostalAddress;
import io.opencommerce.deliveries.domain.CancelledOrder;
import io.opencommerce.deliveries.domain.Carrier;
import io.opencommerce.deliveries.domain.DeliveryAddress;
import io.opencommerce.deliveries.domain.Label;
import io.opencommerce.deliveries.domain.Shipment;
import io.opencommerce.deliveries.domain.ShipmentRequest;
import io.opencommerce.deliveries.domain.ShipmentStatus;
import io.opencommerce.deliveries.domain.TrackingEvent;
import io.opencommerce.deliveries.infrastructure.Carriers;
import io.opencommerce.kit.events.Received;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.web.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Shipments opened and cancelled with their orders: one opened and booked with the default carrier
 * for every placed order (whatever the redeliveries of {@code OrderPlaced}); a cancelled order's
 * shipment is cancelled while its parcel has not left, and an order cancelled before its shipment
 * was booked gets none. Opening and cancelling are published as {@link ShipmentStatusChanged} in
 * the same transaction. How shipments move on afterwards is {@link ShipmentProgress}'s job.
 */
@ApplicationScoped
@Transactional
public class ShipmentBooking {
  /** The journey's description of a cancellation. */
  static final String ORDER_CANCELLED = "Order cancelled.";

  private static final Logger LOG = Logger.getLogger(ShipmentBooking.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Carriers carriers;
  @Inject Shipments shipments;
  @Inject CurrentRequest request;
  @Inject Event<ShipmentStatusChanged> changed;

  /**
   * Opens the shipment of a placed order, once: an order that already has one (the same event
   * redelivered, or sent again under another id) is left alone, and the unique key on the order
   * settles a race between two deliveries. An order known to be cancelled gets no shipment; one
   * cancelled while its shipment was being booked has it cancelled at once.
   */
  void open(@Observes @Received(inAnyOrder = true) OrderPlaced placed) {
    if (shipments.byOrder(placed.orderId()).isPresent()) {
      LOG.info(() -> "Order " + placed.orderId() + " already has a shipment");
      return;
    }
    if (em.find(CancelledOrder.class, placed.orderId().toString()) != null) {
      LOG.info(() -> "Order " + placed.orderId() + " was cancelled; no shipment is opened");
      return;
    }
    PostalAddress to = placed.shippingAddress();
    if (to == null || to.country() == null) {
      throw new IllegalArgumentException("Order " + placed.orderId() + " has no shipping address");
    }
    DeliveryAddress address = DeliveryAddress.of(to);
    int items =
        placed.lines() == null ? 0 : placed.lines().stream().mapToInt(OrderLine::quantity).sum();
    Instant placedAt = placed.placedAt() == null ? Instant.now() : placed.placedAt();
    Carrier carrier = carriers.defaultCarrier();
    Label label =
        carrier.book(
            new ShipmentRequest(
                placed.orderId(),
                placed.number(),
                address.country(),
                address.postalCode(),
                items,
                placedAt));
    Shipment shipment =
        new Shipment(
            request.site(),
            placed.orderId(),
            placed.number(),
            placed.customerId(),
            address,
            items,
            carrier.code(),
            label.trackingNumber(),
            label.estimatedDelivery(),
            placedAt,
            Instant.now());
    em.persist(shipment);
    em.flush(); // a concurrent delivery for the same order fails here, on the unique key
    changed.fire(shipment.statusChanged(shipment.createdAt()));
    LOG.info(
        () ->
            "Opened shipment "
                + shipment.id()
                + " for order "
                + placed.orderId()
                + " with "
                + carrier.code()
                + ", tracking number "
                + shipment.trackingNumber());
    // Written after the shipment, read under lock: a cancellation recorded meanwhile (and not
    // seen above) is found here, or finds this shipment (see cancelled).
    if (em.find(CancelledOrder.class, placed.orderId().toString(), LockModeType.PESSIMISTIC_WRITE)
        != null) {
      LOG.info(() -> "Order " + placed.orderId() + " was cancelled while its shipment was booked");
      cancel(shipment);
    }
  }

  /**
   * Stops the shipment of an order being cancelled, which the orders service asks before it cancels
   * the order: a {@code CREATED} shipment becomes {@code CANCELLED}; an order without a shipment
   * yet is recorded as cancelled, so that none is opened when its {@code OrderPlaced} arrives.
   * Asking again answers the same.
   *
   * @return the cancelled shipment, or empty when the order had none
   * @throws ProblemException 409 {@code parcel-left} when the parcel is on its way: the order can
   *     no longer be cancelled
   */
  public Optional<Shipment> stop(UUID orderId) {
    Optional<Shipment> shipment = stopShipment(orderId);
    if (shipment.isPresent() && shipment.get().status() != ShipmentStatus.CANCELLED) {
      throw ProblemException.conflict(
          "parcel-left",
          "The parcel of this order is "
              + shipment.get().status()
              + " with tracking number "
              + shipment.get().trackingNumber()
              + ": it has left and can no longer be stopped, so the order cannot be cancelled.");
    }
    return shipment;
  }

  /**
   * Hears that an order was cancelled. Its shipment was stopped when the cancellation was asked
   * ({@link #stop}); this covers an order cancelled without asking (an older orders service) and
   * changes nothing otherwise.
   */
  void cancelled(@Observes @Received(inAnyOrder = true) OrderCancelled cancelled) {
    Optional<Shipment> shipment = stopShipment(cancelled.orderId());
    if (shipment.isPresent() && shipment.get().status() != ShipmentStatus.CANCELLED) {
      LOG.warning(
          () ->
              "Order "
                  + cancelled.orderId()
                  + " was cancelled but its shipment "
                  + shipment.get().id()
                  + " is "
                  + shipment.get().status()
                  + ": the parcel is on its way, returns are handled by the carrier");
    }
  }

  /**
   * The order's shipment, cancelled unless its parcel has left (then returned as it is), or empty
   * when it has none: then the order is recorded as cancelled, so that none is opened.
   */
  private Optional<Shipment> stopShipment(UUID orderId) {
    Optional<Shipment> shipment = lockedByOrder(orderId);
    if (shipment.isEmpty()) {
      if (em.find(CancelledOrder.class, orderId.toString()) != null) {
        return Optional.empty();
      }
      em.persist(new CancelledOrder(orderId, Instant.now()));
      em.flush();
      // Written before looking again, under lock: a shipment opened meanwhile (and not seen
      // above) is found here, or finds this record (see open).
      shipment = lockedByOrder(orderId);
      if (shipment.isEmpty()) {
        LOG.info(
            () ->
                "Order "
                    + orderId
                    + " was cancelled before its shipment was booked; none will be opened");
        return Optional.empty();
      }
    }
    cancel(shipment.get());
    return shipment;
  }

  private Optional<Shipment> lockedByOrder(UUID orderId) {
    return em.createQuery("SELECT s FROM Shipment s WHERE s.orderId = :order", Shipment.class)
        .setParameter("order", orderId.toString())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  /**
   * Cancels a shipment for its cancelled order, unless its parcel has left or it was already. The
   * journey says only that the order was cancelled: anyone with the tracking number reads it, and
   * the order's reason may be a customer's own words.
   */
  private void cancel(Shipment shipment) {
    if (!shipment.status().canMoveTo(ShipmentStatus.CANCELLED)) {
      return; // already cancelled, or on its way: the caller tells which
    }
    TrackingEvent event = shipment.cancel(ORDER_CANCELLED, Instant.now()).orElseThrow();
    em.flush();
    changed.fire(shipment.statusChanged(event.occurredAt()));
    LOG.info(
        () -> "Shipment " + shipment.id() + " of order " + shipment.orderId() + " is cancelled");
  }
}
