package io.opencommerce.products.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Gives the units of expired reservations back, every {@code
 * products.reservations.expiry-interval-ms} (2 s). Replicas share the work: each claims
 * reservations with SKIP LOCKED.
 */
@ApplicationScoped
public class ReservationExpiry {
  private static final Logger LOG = Logger.getLogger(ReservationExpiry.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;
  @Inject Reservations reservations;

  @Inject
  @ConfigProperty(name = "products.reservations.expiry-interval-ms", defaultValue = "2000")
  long intervalMs;

  private ScheduledFuture<?> task;

  void start(@Observes Startup startup) {
    task =
        scheduler.scheduleWithFixedDelay(this::run, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
  }

  /** Catches everything: an escaping exception would cancel all later runs. */
  void run() {
    try {
      while (reservations.expire(100) == 100) {
        // more are due: keep going
      }
    } catch (Throwable e) {
      LOG.log(Level.WARNING, "Releasing expired reservations failed: {0}", e.toString());
    }
  }

  @PreDestroy
  void stop() {
    if (task != null) {
      task.cancel(false);
    }
  }
}
