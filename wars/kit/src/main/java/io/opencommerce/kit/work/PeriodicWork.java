package io.opencommerce.kit.work;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Background work a service does on a schedule, shared by its replicas: relaying the outbox,
 * releasing expired holds, moving parcels on, purging old rows. Each run drains: it calls the job's
 * batch again while the batch came back full, so a backlog is cleared in one run, not one batch per
 * interval. Replicas share the work by claiming rows with {@code FOR UPDATE SKIP LOCKED} inside the
 * batch's own transaction.
 *
 * <p>A run never lets an exception escape (that would cancel every later run): a failure is logged
 * once, and the job backs off (0.5 s doubling up to 30 s) until a run succeeds, which is logged
 * too. Scheduled jobs stop with the application.
 */
@ApplicationScoped
public class PeriodicWork {
  private static final Logger LOG = Logger.getLogger(PeriodicWork.class.getName());
  static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  @Resource ManagedScheduledExecutorService scheduler;

  private final List<ScheduledFuture<?>> scheduled = new CopyOnWriteArrayList<>();

  /** One batch of a job: does up to {@code max} units of work and says how many it did. */
  @FunctionalInterface
  public interface Batch {
    int run(int max) throws Exception;
  }

  /**
   * Runs {@code batch} every {@code interval} (first after {@code delay}), draining while batches
   * come back full ({@code max} units).
   *
   * @param job what the job does, for the log ("releasing expired reservations")
   */
  public void every(Duration interval, Duration delay, String job, int max, Batch batch) {
    Drain drain = new Drain(job, max, batch, Clock.systemUTC());
    scheduled.add(
        scheduler.scheduleWithFixedDelay(
            drain::run, delay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS));
  }

  @PreDestroy
  void stop() {
    scheduled.forEach(task -> task.cancel(false));
    scheduled.clear();
  }

  /** One job's runs, with its back-off. Runs never overlap (fixed delay). */
  static final class Drain {
    private final String job;
    private final int max;
    private final Batch batch;
    private final Clock clock;
    private Duration backoff = Duration.ZERO;
    private Instant nextAttempt = Instant.MIN;

    Drain(String job, int max, Batch batch, Clock clock) {
      this.job = job;
      this.max = max;
      this.batch = batch;
      this.clock = clock;
    }

    /** One run; returns the units done, or -1 when it failed or was backing off. */
    int run() {
      if (clock.instant().isBefore(nextAttempt)) {
        return -1;
      }
      try {
        int total = 0;
        int done;
        do {
          done = batch.run(max);
          total += done;
        } while (done >= max);
        if (!backoff.isZero()) {
          LOG.info(() -> job + ": working again");
          backoff = Duration.ZERO;
        }
        return total;
      } catch (Throwable e) {
        boolean first = backoff.isZero();
        backoff = first ? FIRST_BACKOFF : min(backoff.multipliedBy(2), MAX_BACKOFF);
        nextAttempt = clock.instant().plus(backoff);
        LOG.log(
            first ? Level.WARNING : Level.FINE,
            "{0} failed ({1}); next attempt in {2} ms",
            new Object[] {job, e.toString(), backoff.toMillis()});
        return -1;
      }
    }

    Duration backoff() {
      return backoff;
    }

    private static Duration min(Duration a, Duration b) {
      return a.compareTo(b) <= 0 ? a : b;
    }
  }
}
