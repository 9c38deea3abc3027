package io.opencommerce.kit.events;

import io.opencommerce.contracts.EventType;
import io.opencommerce.contracts.EventTypes;
import io.opencommerce.contracts.IntegrationEvent;
import io.opencommerce.kit.web.CurrentRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The publishing half of the bridge: every integration event a service fires as a plain CDI event
 * is written to its outbox in the caller's transaction. Commit and the event will be published;
 * roll back and it never existed. Firing outside a transaction is a programming error.
 */
@ApplicationScoped
public class OutboxRecorder {
  private static final Logger LOG = Logger.getLogger(OutboxRecorder.class.getName());

  @PersistenceContext EntityManager em;

  @Resource TransactionSynchronizationRegistry transactions;

  @Inject CurrentRequest request;

  void record(@Observes @Default IntegrationEvent event) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new IllegalStateException(
          "Integration event " + event.getClass().getSimpleName() + " fired outside a transaction");
    }
    EventType type = EventTypes.of(event.getClass());
    EventEnvelope envelope =
        new EventEnvelope(
            UUID.randomUUID().toString(),
            type.name(),
            type.version(),
            Instant.now(),
            request.site(),
            request.correlationId(),
            request.traceparent(),
            null);
    em.persist(new OutboxMessage(envelope, EventJson.JSONB.toJson(event), type.sensitive()));
    LOG.fine(() -> "Recorded event " + envelope.id() + " " + type.name() + " in the outbox");
  }
}
