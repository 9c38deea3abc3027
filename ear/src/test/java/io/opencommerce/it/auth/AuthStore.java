package io.opencommerce.it.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Reads the auth database from inside the server, for the QA suite's assertions. */
@ApplicationScoped
public class AuthStore {
  @PersistenceContext EntityManager em;

  public long count(String sql, Object... parameters) {
    var query = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return ((Number) query.getSingleResult()).longValue();
  }

  public long auditEvents(String userId, String type) {
    return count(
        "SELECT COUNT(*) FROM security_events WHERE user_id = ? AND type = ?", userId, type);
  }

  public long outboxEvents(String type, String payloadFragment) {
    return count(
        "SELECT COUNT(*) FROM outbox WHERE event_type = ? AND payload LIKE ?",
        type,
        "%" + payloadFragment + "%");
  }
}
