package io.opencommerce.auth.application;

import io.opencommerce.auth.domain.SecurityEvent;
import io.opencommerce.auth.domain.SecurityEventType;
import io.opencommerce.contracts.auth.SecurityEventRecorded;
import io.opencommerce.kit.persistence.QueryFilter;
import io.opencommerce.kit.web.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Records every security event in the audit table and publishes it (through the outbox) as {@link
 * SecurityEventRecorded}, in the caller's transaction.
 */
@ApplicationScoped
public class SecurityAudit {
  private static final Logger LOG = Logger.getLogger("io.opencommerce.auth.audit");

  @PersistenceContext EntityManager em;
  @Inject Event<SecurityEventRecorded> published;
  @Inject CurrentRequest request;

  public void record(
      SecurityEventType type, UUID userId, String email, UUID actorId, String detail) {
    String remote = request.remoteAddress();
    String actor = actorId == null ? null : actorId.toString();
    em.persist(new SecurityEvent(type, userId, email, actor, remote, detail));
    published.fire(new SecurityEventRecorded(userId, email, type.name(), actor, remote, detail));
    LOG.info(() -> "Security event " + type + " user=" + userId + " actor=" + actor);
  }

  public List<SecurityEvent> page(UUID userId, SecurityEventType type, int limit, int offset) {
    QueryFilter where = filter(userId, type);
    return where
        .bind(
            em.createQuery(
                "SELECT e FROM SecurityEvent e" + where.where() + " ORDER BY e.id DESC",
                SecurityEvent.class))
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  public long count(UUID userId, SecurityEventType type) {
    QueryFilter where = filter(userId, type);
    return where
        .bind(em.createQuery("SELECT COUNT(e) FROM SecurityEvent e" + where.where(), Long.class))
        .getSingleResult();
  }

  private static QueryFilter filter(UUID userId, SecurityEventType type) {
    return new QueryFilter()
        .and("e.userId = :userId", "userId", userId == null ? null : userId.toString())
        .and("e.type = :type", "type", type);
  }
}
