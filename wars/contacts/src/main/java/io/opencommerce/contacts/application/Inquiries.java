package io.opencommerce.contacts.application;

import io.opencommerce.contacts.client.ContactReceipt;
import io.opencommerce.contacts.client.ContactRequest;
import io.opencommerce.contacts.domain.IllegalTransitionException;
import io.opencommerce.contacts.domain.Inquiry;
import io.opencommerce.contacts.domain.InquiryStatus;
import io.opencommerce.contacts.domain.Route;
import io.opencommerce.contracts.contacts.ContactAnswered;
import io.opencommerce.contracts.contacts.ContactReceived;
import io.opencommerce.kit.persistence.Identifiers;
import io.opencommerce.kit.persistence.OwnedRecords;
import io.opencommerce.kit.persistence.QueryFilter;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.web.CurrentRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Inquiries of the contact form: received (routed, stored and published as {@link ContactReceived}
 * in one transaction, or dropped unseen when the honeypot is filled), listed and read by support
 * agents and administrators, answered (each answer published as {@link ContactAnswered}) and
 * closed. Support agents work the support queue: an inquiry routed only to a team mailbox is not
 * theirs to see (404, as for an id that does not exist); administrators see every inquiry of the
 * site.
 */
@ApplicationScoped
@Transactional
public class Inquiries {
  private static final Logger LOG = Logger.getLogger(Inquiries.class.getName());

  @PersistenceContext EntityManager em;
  @Inject CurrentRequest request;
  @Inject OwnedRecords records;
  @Inject RoutingRules rules;
  @Inject Event<ContactReceived> received;
  @Inject Event<ContactAnswered> answered;
  @Inject MetricRegistry metrics;

  /**
   * Which inquiries a list shows; null fields do not filter. {@code queueOnly}: only those in the
   * support queue (what support agents see).
   */
  public record Filter(InquiryStatus status, String topic, boolean queueOnly) {}

  /**
   * Receives a contact form. A form whose honeypot ({@code website}) is filled is answered exactly
   * like any other, with a reference of the same kind, and then dropped: nothing is stored or
   * published, and the sender learns nothing (counted in {@code contact_forms_total{outcome}}).
   */
  public ContactReceipt receive(ContactRequest form) {
    Instant now = Instant.now();
    UUID id = Identifiers.timeOrdered(now);
    if (form.website() != null && !form.website().isBlank()) {
      metrics.counter("contact_forms", new Tag("outcome", "dropped")).inc();
      LOG.fine(() -> "Dropped a contact form whose honeypot was filled");
      return new ContactReceipt(id, now);
    }
    Route route = rules.routeFor(form.topic());
    Inquiry inquiry =
        new Inquiry(
            id,
            request.site(),
            form.name(),
            form.email(),
            form.topic(),
            form.message(),
            form.language(),
            route,
            now);
    em.persist(inquiry);
    received.fire(inquiry.received());
    metrics.counter("contact_forms", new Tag("outcome", "stored")).inc();
    LOG.info(() -> "Received inquiry " + id + " on " + form.topic() + ", routed to " + route);
    return new ContactReceipt(id, now);
  }

  /** An inquiry of the site with its history; 404 unless the caller may see it. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Inquiry get(UUID id, boolean seesAll) {
    Inquiry inquiry = visible(id, seesAll);
    inquiry.history(); // loaded while the persistence context is open
    return inquiry;
  }

  /** Inquiries of the site, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Inquiry> page(Filter filter, int limit, int offset) {
    return where(
            "SELECT i FROM Inquiry i",
            " ORDER BY i.receivedAt DESC, i.id DESC",
            filter,
            Inquiry.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(Filter filter) {
    return where("SELECT COUNT(i) FROM Inquiry i", "", filter, Long.class).getSingleResult();
  }

  /**
   * Records an answer by {@code actor} and publishes it ({@link ContactAnswered}: the mailer sends
   * it). 409 {@code illegal-transition} once the inquiry is closed.
   */
  public Inquiry answer(UUID id, UUID actor, boolean seesAll, String text) {
    Inquiry inquiry = locked(id, seesAll);
    Instant now = Instant.now();
    String answer = text.strip();
    try {
      inquiry.answer(answer, actor.toString(), now);
    } catch (IllegalTransitionException e) {
      throw ProblemException.conflict("illegal-transition", e.getMessage());
    }
    em.flush();
    answered.fire(inquiry.answered(answer, now));
    LOG.info(() -> "Inquiry " + id + " answered by " + actor);
    return inquiry;
  }

  /** Closes an inquiry; closing a closed one changes nothing. */
  public Inquiry close(UUID id, UUID actor, boolean seesAll, String reason) {
    Inquiry inquiry = locked(id, seesAll);
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (inquiry.close(why, actor.toString(), Instant.now())) {
      em.flush();
      LOG.info(() -> "Inquiry " + id + " closed by " + actor);
    }
    inquiry.history(); // loaded for the answer while the persistence context is open
    return inquiry;
  }

  private Inquiry visible(UUID id, boolean seesAll) {
    return records.find(em, Inquiry.class, id, i -> seesAll || i.route().supportQueue());
  }

  /** The inquiry read again under a row lock: two answers or an answer and a close queue up. */
  private Inquiry locked(UUID id, boolean seesAll) {
    Inquiry inquiry = visible(id, seesAll);
    em.refresh(inquiry, LockModeType.PESSIMISTIC_WRITE);
    return inquiry;
  }

  private <T> TypedQuery<T> where(String select, String order, Filter filter, Class<T> type) {
    QueryFilter where =
        new QueryFilter()
            .and("i.site = :site", "site", request.site())
            .and("i.status = :status", "status", filter.status())
            .and("i.topic = :topic", "topic", filter.topic())
            .and(
                "i.route.supportQueue = :queue", "queue", filter.queueOnly() ? Boolean.TRUE : null);
    return where.bind(em.createQuery(select + where.where() + order, type));
  }
}
