package io.opencommerce.auth.application;

import io.opencommerce.auth.domain.SecurityEvent;
import io.opencommerce.auth.domain.SecurityEventType;
import io.opencommerce.contracts.auth.SecurityEventRecorded;
import io.opencommerce.kit.persistence.QueryFilter;
import io.opencommerce.kit.security.SecurityLog;
import io.opencommerce.kit.security.SecurityLog.Outcome;
import io.opencommerce.kit.web.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Records every security event in the audit table and publishes it (through the outbox) as {@link
 * SecurityEventRecorded}, in the caller's transaction; writes it to the platform's security log
 * ({@link SecurityLog}: action {@code login-failed}, {@code role-granted}, …) and counts it in
 * {@code security_events_total{type}}, which the alerts on failed logins and lockouts read.
 */
@ApplicationScoped
public class SecurityAudit {
  @PersistenceContext EntityManager em;
  @Inject Event<SecurityEventRecorded> published;
  @Inject CurrentRequest request;
  @Inject SecurityLog log;
  @Inject MetricRegistry metrics;

  public void record(
      SecurityEventType type, UUID userId, String email, UUID actorId, String detail) {
    String remote = request.remoteAddress();
    String actor = actorId == null ? null : actorId.toString();
    em.persist(new SecurityEvent(type, userId, email, actor, remote, detail));
    published.fire(new SecurityEventRecorded(userId, email, type.name(), actor, remote, detail));
    String action = type.name().toLowerCase(Locale.ROOT).replace('_', '-');
    Outcome outcome = type.isRefusal() ? Outcome.DENIED : Outcome.SUCCESS;
    String target = email != null ? email : userId == null ? null : userId.toString();
    if (actorId != null) {
      log.record(action, outcome, target, detail);
    } else {
      log.record(action, outcome, userId == null ? null : userId.toString(), null, target, detail);
    }
    metrics.counter("security_events", new Tag("type", type.name())).inc();
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
