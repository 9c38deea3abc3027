package io.opencommerce.kit.events;

import io.opencommerce.contracts.IntegrationEvent;
import io.opencommerce.kit.web.RequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Handles one received event exactly once per service: the event id goes into the inbox and the
 * {@code @Received} observers run in the same transaction. A redelivered event finds its id there
 * and has no second effect; a failing observer rolls both back, so the retry starts clean.
 */
@ApplicationScoped
public class InboxProcessor {
  @PersistenceContext EntityManager em;

  /**
   * {@code @Any}, so the fired event carries {@code @Received} alone: with the default qualifier it
   * would also reach the outbox recorder and be published again.
   */
  @Inject @Any Event<IntegrationEvent> events;

  @Inject RequestContext requestContext;

  /** Returns false when the event had been handled before. */
  @Transactional
  @ActivateRequestContext
  public boolean handle(EventEnvelope envelope, IntegrationEvent event) {
    int inserted =
        em.createNativeQuery(
                "INSERT IGNORE INTO inbox (event_id, event_type, received_at) VALUES (?, ?, ?)")
            .setParameter(1, envelope.id())
            .setParameter(2, envelope.type())
            .setParameter(3, Instant.now().atOffset(ZoneOffset.UTC).toLocalDateTime())
            .executeUpdate();
    if (inserted == 0) {
      return false;
    }
    requestContext.set(envelope.correlationId(), envelope.traceparent(), envelope.site(), null);
    events.select(Received.Literal.INSTANCE).fire(event);
    return true;
  }
}
