package io.opencommerce.auth.application;

import io.opencommerce.auth.domain.SecurityEvent;
import io.opencommerce.auth.domain.SecurityEventType;
import io.opencommerce.contracts.auth.SecurityEventRecorded;
import io.opencommerce.kit.web.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
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
    TypedQuery<SecurityEvent> query =
        em.createQuery(
            "SELECT e FROM SecurityEvent e" + filter(userId, type) + " ORDER BY e.id DESC",
            SecurityEvent.class);
    bind(query, userId, type);
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  public long count(UUID userId, SecurityEventType type) {
    TypedQuery<Long> query =
        em.createQuery("SELECT COUNT(e) FROM SecurityEvent e" + filter(userId, type), Long.class);
    bind(query, userId, type);
    return query.getSingleResult();
  }

  private static String filter(UUID userId, SecurityEventType type) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (userId != null) {
      where.append(" AND e.userId = :userId");
    }
    if (type != null) {
      where.append(" AND e.type = :type");
    }
    return where.toString();
  }

  private static void bind(TypedQuery<?> query, UUID userId, SecurityEventType type) {
    if (userId != null) {
      query.setParameter("userId", userId.toString());
    }
    if (type != null) {
      query.setParameter("type", type);
    }
  }
}
