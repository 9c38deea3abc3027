package io.opencommerce.deliveries.application;

import io.opencommerce.deliveries.application.ShipmentProgress.Step;
import io.opencommerce.deliveries.domain.Shipment;
import io.opencommerce.deliveries.domain.ShipmentStatus;
import io.opencommerce.deliveries.infrastructure.SimulatedCarrier;
import io.opencommerce.kit.work.PeriodicWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves the simulated carrier's parcels on by themselves, as a real carrier's would: every shipment
 * of {@code simulated} whose last step was recorded more than {@code
 * deliveries.carriers.simulated.progress-after} (an ISO-8601 duration, e.g. {@code PT20S}) ago
 * takes the carrier's next step ({@link SimulatedCarrier#nextStep}), recorded and published like a
 * webhook's report: {@code CREATED → IN_TRANSIT → OUT_FOR_DELIVERY → DELIVERED}. Never from {@code
 * EXCEPTION}, {@code CANCELLED} or {@code DELIVERED}. Off by default ({@code PT0S}): shipments then
 * move only by webhooks and administrators. Due shipments are looked for every {@code
 * progress-after} or 5 s, whichever is shorter (but not more often than once a second), {@value
 * #BATCH} per transaction; replicas share the work: each claims shipments with SKIP LOCKED.
 */
@ApplicationScoped
public class SimulatedCarrierProgress {
  /** The configuration key. */
  static final String PROGRESS_AFTER = "deliveries.carriers.simulated.progress-after";

  /** How many shipments one transaction moves at most. */
  static final int BATCH = 50;

  static final Duration LONGEST_POLL = Duration.ofSeconds(5);
  static final Duration SHORTEST_POLL = Duration.ofSeconds(1);

  private static final Logger LOG = Logger.getLogger(SimulatedCarrierProgress.class.getName());

  @Inject PeriodicWork work;
  @Inject ShipmentProgress shipments;
  @Inject SimulatedCarrier carrier;

  @Inject
  @ConfigProperty(name = PROGRESS_AFTER, defaultValue = "PT0S")
  String progressAfter;

  private Duration after;
  private Set<ShipmentStatus> moving;

  /** Starts the job when it is on; a value that is not a duration stops the application. */
  void start(@Observes Startup startup) {
    after = parse(progressAfter);
    if (after.isZero()) {
      LOG.info(() -> "The simulated carrier moves no parcel by itself (" + PROGRESS_AFTER + ")");
      return;
    }
    moving = movingStatuses(carrier);
    Duration poll = pollInterval(after);
    long pollMs = poll.toMillis();
    work.every(poll, poll, "Moving the simulated carrier's parcels on", BATCH, this::moveOn);
    LOG.info(
        () ->
            "The simulated carrier moves a parcel one step on "
                + after
                + " after its last step (looked for every "
                + pollMs
                + " ms)");
  }

  /**
   * Moves up to {@code max} due parcels one step on. A parcel moved now is not due again before
   * {@code after}, so it moves one step per run however many batches the run takes.
   */
  int moveOn(int max) {
    int moved =
        shipments.progress(
            SimulatedCarrier.CODE, moving, Instant.now().minus(after), max, this::nextStep);
    if (moved > 0) {
      LOG.info(() -> "The simulated carrier moved " + moved + " parcel(s) on");
    }
    return moved;
  }

  private Optional<Step> nextStep(Shipment shipment) {
    String city = shipment.address() == null ? null : shipment.address().city();
    return carrier
        .nextStep(shipment.status(), city)
        .map(m -> new Step(m.status(), null, m.location(), m.description()));
  }

  /**
   * The configured delay: absent or blank is {@link Duration#ZERO} (off).
   *
   * @throws IllegalArgumentException when it is not an ISO-8601 duration, or negative
   */
  static Duration parse(String value) {
    if (value == null || value.isBlank()) {
      return Duration.ZERO;
    }
    Duration duration;
    try {
      duration = Duration.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          PROGRESS_AFTER + " is not an ISO-8601 duration (e.g. PT20S): " + value, e);
    }
    if (duration.isNegative()) {
      throw new IllegalArgumentException(PROGRESS_AFTER + " must not be negative: " + value);
    }
    return duration;
  }

  /** How often due parcels are looked for: every {@code after}, kept within 1 to 5 s. */
  static Duration pollInterval(Duration after) {
    if (after.compareTo(LONGEST_POLL) > 0) {
      return LONGEST_POLL;
    }
    return after.compareTo(SHORTEST_POLL) < 0 ? SHORTEST_POLL : after;
  }

  /** The statuses from which the carrier moves a parcel on by itself. */
  static Set<ShipmentStatus> movingStatuses(SimulatedCarrier carrier) {
    Set<ShipmentStatus> statuses = EnumSet.noneOf(ShipmentStatus.class);
    for (ShipmentStatus status : ShipmentStatus.values()) {
      if (carrier.nextStep(status, null).isPresent()) {
        statuses.add(status);
      }
    }
    return statuses;
  }
}
