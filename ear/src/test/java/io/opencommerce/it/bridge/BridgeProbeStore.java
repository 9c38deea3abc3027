package io.opencommerce.it.bridge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Reads the probe service's outbox and inbox. */
@ApplicationScoped
public class BridgeProbeStore {
  @PersistenceContext EntityManager em;

  public long outboxRows(String probeId) {
    return ((Number)
            em.createNativeQuery("SELECT COUNT(*) FROM outbox WHERE payload LIKE ?")
                .setParameter(1, "%" + probeId + "%")
                .getSingleResult())
        .longValue();
  }

  public long inboxRows(String eventId) {
    return ((Number)
            em.createNativeQuery("SELECT COUNT(*) FROM inbox WHERE event_id = ?")
                .setParameter(1, eventId)
                .getSingleResult())
        .longValue();
  }
}
