package io.opencommerce.deliveries.application;

import io.opencommerce.contracts.deliveries.ShipmentStatusChanged;
import io.opencommerce.deliveries.domain.IllegalTransitionException;
import io.opencommerce.deliveries.domain.Shipment;
import io.opencommerce.deliveries.domain.ShipmentStatus;
import io.opencommerce.deliveries.domain.TrackingEvent;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.kit.web.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
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
 * Shipments moved along their journey once booked: by the carrier's webhooks ({@link #report}), by
 * the carrier itself ({@link #progress}) or by an administrator ({@link #record}). Every accepted
 * status change is kept in the shipment's journey and published as {@link ShipmentStatusChanged} in
 * the same transaction.
 */
@ApplicationScoped
@Transactional
public class ShipmentProgress {
  /** How far ahead of this server's clock a reported step may be dated (clock skew). */
  static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

  private static final Logger LOG = Logger.getLogger(ShipmentProgress.class.getName());

  @PersistenceContext EntityManager em;
  @Inject CurrentRequest request;
  @Inject RequestContext context;
  @Inject Event<ShipmentStatusChanged> changed;

  /** A step of a shipment's journey as reported. */
  public record Step(
      ShipmentStatus status, Instant occurredAt, String location, String description) {}

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
    changed.fire(shipment.statusChanged(event.get().occurredAt()));
    LOG.info(() -> "Shipment " + shipment.id() + " is now " + shipment.status());
    return shipment;
  }
}
