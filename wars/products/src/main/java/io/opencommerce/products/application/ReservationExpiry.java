package io.opencommerce.products.application;

import io.opencommerce.kit.work.PeriodicWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives the units of expired reservations back, every {@code
 * products.reservations.expiry-interval-ms} (2 s), {@value #BATCH} per transaction. Replicas share
 * the work: each claims reservations with SKIP LOCKED.
 */
@ApplicationScoped
public class ReservationExpiry {
  static final int BATCH = 100;

  @Inject PeriodicWork work;
  @Inject Reservations reservations;

  @Inject
  @ConfigProperty(name = "products.reservations.expiry-interval-ms", defaultValue = "2000")
  long intervalMs;

  void start(@Observes Startup startup) {
    Duration interval = Duration.ofMillis(intervalMs);
    work.every(interval, interval, "Releasing expired reservations", BATCH, reservations::expire);
  }
}
