package io.opencommerce.deliveries.application;

import io.opencommerce.contracts.deliveries.ShipmentStatusChanged;
import io.opencommerce.contracts.orders.OrderCancelled;
import io.opencommerce.contracts.orders.OrderLine;
import io.opencommerce.contracts.orders.OrderPlaced;
import io.opencommerce.contracts.orders.PostalAddress;
import io.opencommerce.deliveries.carrier.Carrier;
import io.opencommerce.deliveries.carrier.Carriers;
import io.opencommerce.deliveries.carrier.Label;
import io.opencommerce.deliveries.carrier.ShipmentRequest;
import io.opencommerce.deliveries.domain.CancelledOrder;
import io.opencommerce.deliveries.domain.DeliveryAddress;
import io.opencommerce.deliveries.domain.IllegalTransitionException;
import io.opencommerce.deliveries.domain.Shipment;
import io.opencommerce.deliveries.domain.ShipmentStatus;
import io.opencommerce.deliveries.domain.TrackingEvent;
import io.opencommerce.kit.events.Received;
import io.opencommerce.kit.persistence.OwnedRecords;
import io.opencommerce.kit.persistence.QueryFilter;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.kit.web.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Shipments: one opened and booked with the default carrier for every placed order (whatever the
 * redeliveries of {@code OrderPlaced}), then moved along by the carrier's webhooks, by the carrier
 * itself ({@link #progress}) or by an administrator. A cancelled order's shipment is cancelled
 * while its parcel has not left, and an order cancelled before its shipment was booked gets none.
 * Every accepted status change is kept in the shipment's journey and published as {@link
 * ShipmentStatusChanged} in the same transaction.
 */
@ApplicationScoped
@Transactional
public class Shipments {
  /** How far ahead of this server's clock a reported step may be dated (clock skew). */
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  /** The journey's description of a cancellation. */
  static final String ORDER_CANCELLED = "Order cancelled.";

  private static final Logger LOG = Logger.getLogger(Shipments.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Carriers carriers;
  @Inject CurrentRequest request;
  @Inject OwnedRecords records;
  @Inject RequestContext context;
  @Inject Event<ShipmentStatusChanged> changed;

  /** A step of a shipment's journey as reported. */
  public record Step(
      ShipmentStatus status, Instant occurredAt, String location, String description) {}

  /** Which shipments a list shows; null fields do not filter. */
  public record Filter(UUID customerId, ShipmentStatus status, UUID orderId) {}

  /**
   * Opens the shipment of a placed order, once: an order that already has one (the same event
   * redelivered, or sent again under another id) is left alone, and the unique key on the order
   * settles a race between two deliveries. An order known to be cancelled gets no shipment; one
   * cancelled while its shipment was being booked has it cancelled at once.
   */
  void open(@Observes @Received(inAnyOrder = true) OrderPlaced placed) {
    if (byOrder(placed.orderId()).isPresent()) {
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
    publish(shipment, shipment.createdAt());
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
   * Stops the shipment of a cancelled order while its parcel has not left: a {@code CREATED}
   * shipment becomes {@code CANCELLED}. A parcel already on its way is left to the carrier, which
   * handles returns. An order without a shipment yet is recorded as cancelled, so that none is
   * opened when its {@code OrderPlaced} arrives. Hearing of the same cancellation again changes
   * nothing.
   */
  void cancelled(@Observes @Received(inAnyOrder = true) OrderCancelled cancelled) {
    UUID orderId = cancelled.orderId();
    Optional<Shipment> shipment = lockedByOrder(orderId);
    if (shipment.isEmpty()) {
      if (em.find(CancelledOrder.class, orderId.toString()) != null) {
        LOG.info(() -> "Order " + orderId + " was already known cancelled");
        return;
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
        return;
      }
    }
    cancel(shipment.get());
  }

  /**
   * A carrier's report on one of its parcels, whatever the site: the shipment is found by its
   * tracking number, and the event published carries the shipment's site.
   */
  public Shipment report(String carrier, String trackingNumber, Step step) {
    Shipment shipment =
        em.createQuery(
                "SELECT s FROM Shipment s WHERE s.trackingNumber = :number AND s.carrier = :carrier",
                Shipment.class)
            .setParameter("number", trackingNumber)
            .setParameter("carrier", carrier)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> ProblemException.notFound("Tracking number", trackingNumber));
    context.set(
        request.correlationId(), request.traceparent(), shipment.site(), request.remoteAddress());
    return apply(shipment, step);
  }

  /** A step recorded by an administrator on a shipment of the current site. */
  public Shipment record(UUID id, Step step) {
    Shipment shipment = em.find(Shipment.class, id.toString(), LockModeType.PESSIMISTIC_WRITE);
    if (shipment == null || !shipment.site().equals(request.site())) {
      throw ProblemException.notFound("Shipment", id);
    }
    return apply(shipment, step);
  }

  /**
   * Lets a carrier move its parcels on by itself: up to {@code max} shipments of {@code carrier},
   * in one of {@code statuses}, whose last step was recorded before {@code before}, each take the
   * step {@code next} gives for it (none: left as it is), exactly as if the carrier had reported it
   * — kept in the journey and published as {@link ShipmentStatusChanged} with the shipment's site.
   * The shipments are claimed with {@code FOR UPDATE SKIP LOCKED}, in no particular order, so
   * replicas share the work and never move the same parcel twice, and a parcel being moved by a
   * webhook or an administrator is left for the next run. Returns how many shipments moved.
   */
  @ActivateRequestContext
  public int progress(
      String carrier,
      Set<ShipmentStatus> statuses,
      Instant before,
      int max,
      Function<Shipment, Optional<Step>> next) {
    if (statuses.isEmpty() || max <= 0) {
      return 0;
    }
    Query claim =
        em.createNativeQuery(
                "SELECT id FROM shipments WHERE carrier = ? AND updated_at < ? AND status IN ("
                    + String.join(", ", Collections.nCopies(statuses.size(), "?"))
                    + ") LIMIT ? FOR UPDATE SKIP LOCKED")
            .setParameter(1, carrier)
            .setParameter(2, java.sql.Timestamp.from(before));
    int position = 3;
    for (ShipmentStatus status : statuses) {
      claim.setParameter(position++, status.name());
    }
    @SuppressWarnings("unchecked")
    List<String> ids = claim.setParameter(position, max).getResultList();
    int moved = 0;
    for (String id : ids) {
      // claimed above; locking it again reads it from the database rather than the cache
      Shipment shipment = em.find(Shipment.class, id, LockModeType.PESSIMISTIC_WRITE);
      Optional<Step> step = shipment == null ? Optional.empty() : next.apply(shipment);
      if (step.isPresent()) {
        context.set(UUID.randomUUID().toString(), null, shipment.site(), null);
        apply(shipment, step.get());
        moved++;
      }
    }
    return moved;
  }

  /** A shipment of the current site, its journey loaded; 404 unless the caller may see it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Shipment get(UUID id, UUID caller, boolean admin) {
    Shipment shipment = records.find(em, Shipment.class, id, caller, admin);
    shipment.events(); // loaded while the persistence context is open
    return shipment;
  }

  /** A shipment by its tracking number, on any site (public tracking), its journey loaded. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Shipment> byTrackingNumber(String trackingNumber) {
    Optional<Shipment> shipment =
        em.createQuery("SELECT s FROM Shipment s WHERE s.trackingNumber = :number", Shipment.class)
            .setParameter("number", trackingNumber)
            .getResultStream()
            .findFirst();
    shipment.ifPresent(Shipment::events);
    return shipment;
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Shipment> byOrder(UUID orderId) {
    return em.createQuery("SELECT s FROM Shipment s WHERE s.orderId = :order", Shipment.class)
        .setParameter("order", orderId.toString())
        .getResultStream()
        .findFirst();
  }

  /** Shipments of the current site, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Shipment> page(Filter filter, int limit, int offset) {
    return where(
            "SELECT s FROM Shipment s",
            " ORDER BY s.createdAt DESC, s.id DESC",
            filter,
            Shipment.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(Filter filter) {
    return where("SELECT COUNT(s) FROM Shipment s", "", filter, Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> where(String select, String order, Filter filter, Class<T> type) {
    QueryFilter where =
        new QueryFilter()
            .and("s.site = :site", "site", request.site())
            .and("s.customerId = :customer", "customer", text(filter.customerId()))
            .and("s.status = :status", "status", filter.status())
            .and("s.orderId = :order", "order", text(filter.orderId()));
    return where.bind(em.createQuery(select + where.where() + order, type));
  }

  private static String text(UUID id) {
    return id == null ? null : id.toString();
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
    if (shipment.status() == ShipmentStatus.CANCELLED) {
      LOG.info(() -> "Shipment " + shipment.id() + " is already cancelled");
      return;
    }
    if (!shipment.status().canMoveTo(ShipmentStatus.CANCELLED)) {
      LOG.warning(
          () ->
              "Order "
                  + shipment.orderId()
                  + " was cancelled but its shipment "
                  + shipment.id()
                  + " is "
                  + shipment.status()
                  + ": the parcel is on its way, returns are handled by the carrier");
      return;
    }
    TrackingEvent event = shipment.cancel(ORDER_CANCELLED, Instant.now()).orElseThrow();
    em.flush();
    publish(shipment, event.occurredAt());
    LOG.info(
        () -> "Shipment " + shipment.id() + " of order " + shipment.orderId() + " is cancelled");
  }

  private Shipment apply(Shipment shipment, Step step) {
    Instant now = Instant.now();
    if (step.occurredAt() != null && step.occurredAt().isAfter(now.plus(MAX_CLOCK_SKEW))) {
      throw ProblemException.invalidBody("occurredAt", "must not be in the future");
    }
    Optional<TrackingEvent> event;
    try {
      event =
          shipment.moveTo(
              step.status(), step.occurredAt(), step.location(), step.description(), now);
    } catch (IllegalTransitionException e) {
      throw ProblemException.conflict("illegal-transition", e.getMessage());
    }
    if (event.isEmpty()) {
      LOG.fine(() -> "Shipment " + shipment.id() + " already " + step.status() + "; unchanged");
      shipment.events(); // loaded for the answer while the persistence context is open
      return shipment;
    }
    em.flush();
    publish(shipment, event.get().occurredAt());
    LOG.info(() -> "Shipment " + shipment.id() + " is now " + shipment.status());
    return shipment;
  }

  private void publish(Shipment shipment, Instant at) {
    changed.fire(
        new ShipmentStatusChanged(
            shipment.id(),
            shipment.orderId(),
            shipment.customerId(),
            shipment.carrier(),
            shipment.trackingNumber(),
            shipment.status().name(),
            shipment.estimatedDelivery(),
            at));
  }
}
