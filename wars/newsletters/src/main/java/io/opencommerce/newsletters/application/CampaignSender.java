package io.opencommerce.newsletters.application;

import io.opencommerce.kit.work.PeriodicWork;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Sends due campaigns, a {@link PeriodicWork} job every {@code newsletters.campaigns.poll-interval}
 * (PT1S) shared by the replicas: each run writes batches of {@code
 * newsletters.campaigns.batch-size} (200) mails into the mail queue ({@link
 * Campaigns#enqueueNextBatch}, each batch one transaction that also moves the campaign's cursor)
 * until no campaign has subscribers left to reach, then marks sent those whose mails the queue has
 * sent ({@link Campaigns#finishDrained}). The mail queue's own sender sends them, throttled like
 * every mail. Mails written are counted in {@code campaign_mails_enqueued_total}.
 */
@ApplicationScoped
public class CampaignSender {
  static final String ENQUEUED = "campaign_mails_enqueued";
  private static final Logger LOG = Logger.getLogger(CampaignSender.class.getName());

  @Inject PeriodicWork work;
  @Inject Campaigns campaigns;
  @Inject MetricRegistry metrics;

  @Inject
  @ConfigProperty(name = "newsletters.campaigns.poll-interval", defaultValue = "PT1S")
  String pollInterval;

  @Inject
  @ConfigProperty(name = "newsletters.campaigns.batch-size", defaultValue = "200")
  int batchSize;

  void start(@Observes Startup startup) {
    if (batchSize < 1) {
      throw new IllegalStateException(
          "newsletters.campaigns.batch-size must be at least 1: " + batchSize);
    }
    metrics.counter(ENQUEUED); // shown at 0 before the first campaign
    work.every(
        Duration.parse(pollInterval), Duration.ofSeconds(3), "Sending campaigns", 1, this::batch);
    LOG.info(() -> "Sending campaigns every " + pollInterval + ", " + batchSize + " mails a batch");
  }

  /** One batch (1: a campaign had work, and the run goes on), or the finishing touch (0). */
  int batch(int max) {
    Campaigns.Batch batch = campaigns.enqueueNextBatch(batchSize);
    if (batch.enqueued() > 0) {
      metrics.counter(ENQUEUED).inc(batch.enqueued()); // committed: counted once
    }
    if (batch.worked()) {
      return 1;
    }
    campaigns.finishDrained();
    return 0;
  }
}
