package io.opencommerce.newsletters.application;

import io.opencommerce.kit.persistence.IdList;
import io.opencommerce.kit.persistence.QueryFilter;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.newsletters.domain.MailKind;
import io.opencommerce.newsletters.domain.MailStatus;
import io.opencommerce.newsletters.domain.OutgoingMail;
import io.opencommerce.newsletters.domain.RenderedMail;
import io.opencommerce.newsletters.domain.Subscriber;
import io.opencommerce.newsletters.infrastructure.SiteSettings;
import io.opencommerce.newsletters.infrastructure.TemplateEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The mail queue as the rest of the service sees it: mails are written here, rendered in the
 * caller's transaction (an event's inbox transaction, a subscription's, a campaign's batch), once
 * per fact; administrators list them, read one and queue a failed one again. {@link MailSender}
 * sends them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MailQueue {
  private static final Logger LOG = Logger.getLogger(MailQueue.class.getName());

  /** Why a marketing mail was cancelled: its subscriber left before it went. */
  public static final String UNSUBSCRIBED = "unsubscribed";

  @PersistenceContext EntityManager em;
  @Inject Templates templates;
  @Inject SiteSettings sites;
  @Inject CurrentRequest request;

  /** What a mail is: its kind, the fact it is about, its recipient, language and data. */
  public record Draft(
      MailKind kind,
      String sourceKey,
      String recipient,
      String recipientName,
      String language,
      Map<String, Object> data) {}

  /**
   * Renders and queues the mail of {@code draft} on the current site, unless the same fact already
   * has its mail of that kind for that recipient; {@code adjust} completes it (the customer it is
   * for, its campaign) before it is stored.
   *
   * @return the mail queued, or empty when it had been before
   */
  public Optional<OutgoingMail> enqueue(Draft draft, UnaryOperator<OutgoingMail> adjust) {
    return enqueue(request.site(), draft, null, adjust);
  }

  /**
   * Renders and queues the mail of {@code draft} on {@code site} with {@code template} (null: the
   * site's template of the draft's kind and language), unless the same fact already has its mail of
   * that kind for that recipient; {@code adjust} completes it before it is stored. What a
   * campaign's batches call, outside any request.
   *
   * @return the mail queued, or empty when it had been before
   */
  public Optional<OutgoingMail> enqueue(
      String site,
      Draft draft,
      TemplateEngine.Compiled template,
      UnaryOperator<OutgoingMail> adjust) {
    if (exists(draft.sourceKey(), draft.kind(), draft.recipient())) {
      LOG.info(
          () ->
              "A " + draft.kind().code() + " mail about " + draft.sourceKey() + " exists already");
      return Optional.empty();
    }
    String language = sites.language(site, draft.language());
    Map<String, Object> model = model(site, language, draft);
    RenderedMail content =
        (template != null ? template : templates.compiled(site, language, draft.kind()))
            .render(model);
    OutgoingMail mail =
        adjust.apply(
            new OutgoingMail(
                site,
                draft.kind(),
                language,
                draft.sourceKey(),
                draft.recipient(),
                draft.recipientName(),
                content,
                Instant.now()));
    em.persist(mail);
    // A campaign writes thousands: its mails are logged per batch, not one by one.
    LOG.log(
        draft.kind().isMarketing() ? Level.FINE : Level.INFO,
        () ->
            "Queued "
                + draft.kind().code()
                + " mail "
                + mail.id()
                + " about "
                + draft.sourceKey()
                + (mail.status() == MailStatus.FAILED ? " (" + mail.lastError() + ")" : ""));
    return Optional.of(mail);
  }

  /** The data a template is rendered with: the site's branding, the recipient, the draft's data. */
  Map<String, Object> model(String site, String language, Draft draft) {
    SiteSettings.Branding branding = sites.of(site);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("shopName", branding.shopName());
    model.put("supportEmail", branding.supportEmail());
    model.put("site", site);
    model.put("language", language);
    model.put("name", draft.recipientName() == null ? "" : draft.recipientName());
    model.put("email", draft.recipient() == null ? "" : draft.recipient());
    model.putAll(draft.data());
    return model;
  }

  private boolean exists(String sourceKey, MailKind kind, String recipient) {
    String sql =
        "SELECT COUNT(m) FROM OutgoingMail m WHERE m.sourceKey = :source AND m.kind = :kind AND "
            + (recipient == null ? "m.recipient IS NULL" : "m.recipient = :recipient");
    TypedQuery<Long> query =
        em.createQuery(sql, Long.class)
            .setParameter("source", sourceKey)
            .setParameter("kind", kind);
    if (recipient != null) {
      query.setParameter("recipient", recipient);
    }
    return query.getSingleResult() > 0;
  }

  /**
   * The customer's mails that waited for them to be known ({@link OutgoingMail#UNKNOWN_RECIPIENT}),
   * queued now that they are.
   */
  public int addressWaiting(UUID customerId, String email, String name) {
    List<OutgoingMail> waiting =
        em.createQuery(
                "SELECT m FROM OutgoingMail m WHERE m.customerId = :customer"
                    + " AND m.status = :failed AND m.recipient IS NULL",
                OutgoingMail.class)
            .setParameter("customer", customerId.toString())
            .setParameter("failed", MailStatus.FAILED)
            .getResultList();
    Instant now = Instant.now();
    int queued = 0;
    for (OutgoingMail mail : waiting) {
      if (!exists(mail.sourceKey(), mail.kind(), email) && mail.addressTo(email, name, now)) {
        queued++;
      }
    }
    return queued;
  }

  /**
   * Claims up to {@code max} due mails for one batch of the sender: read with {@code FOR UPDATE
   * SKIP LOCKED} (replicas take different mails) and made due again only at {@code leaseUntil}, so
   * that a sender that dies mid-batch leaves its mails to be tried again then, and the claim is
   * committed before any mail goes out (no transaction stays open during SMTP exchanges).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<OutgoingMail> claimDue(int max, Instant leaseUntil) {
    @SuppressWarnings("unchecked")
    List<String> ids =
        em.createNativeQuery(
                "SELECT id FROM outgoing_mails WHERE status = 'QUEUED' AND next_attempt_at <= ?"
                    + " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED")
            .setParameter(1, java.sql.Timestamp.from(Instant.now()))
            .setParameter(2, max)
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    IdList.query(
            em,
            "UPDATE outgoing_mails SET next_attempt_at = ? WHERE id IN ({ids})",
            ids.stream().map(UUID::fromString).toList(),
            java.sql.Timestamp.from(leaseUntil))
        .executeUpdate();
    return ids.stream().map(id -> em.find(OutgoingMail.class, id)).toList();
  }

  /**
   * The claimed mails that may still go, once marketing mails to addresses that left since they
   * were queued are cancelled ({@code unsubscribed}): checked in the sender's batch, just before
   * the mails go out, so that an unsubscription that came after a campaign wrote its mails still
   * stops them. A marketing mail goes only to a subscriber who is confirmed now.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<OutgoingMail> withdrawUnwanted(List<OutgoingMail> claimed) {
    if (claimed.stream().noneMatch(m -> m.kind().isMarketing())) {
      return claimed;
    }
    List<UUID> subscriberIds =
        claimed.stream()
            .filter(m -> m.kind().isMarketing() && m.subscriberId() != null)
            .map(OutgoingMail::subscriberId)
            .distinct()
            .toList();
    Set<UUID> receiving = new HashSet<>();
    if (!subscriberIds.isEmpty()) {
      em
          .createQuery("SELECT s FROM Subscriber s WHERE s.id IN :ids", Subscriber.class)
          .setParameter("ids", subscriberIds.stream().map(UUID::toString).toList())
          .getResultList()
          .stream()
          .filter(Subscriber::receivesMarketing)
          .forEach(s -> receiving.add(s.id()));
    }
    List<OutgoingMail> wanted = new ArrayList<>(claimed.size());
    Instant now = Instant.now();
    for (OutgoingMail mail : claimed) {
      if (!mail.kind().isMarketing() || receiving.contains(mail.subscriberId())) {
        wanted.add(mail);
        continue;
      }
      OutgoingMail current =
          em.find(OutgoingMail.class, mail.id().toString(), LockModeType.PESSIMISTIC_WRITE);
      if (current != null && current.status() == MailStatus.QUEUED) {
        current.cancel(UNSUBSCRIBED, now);
        LOG.info(() -> "Cancelled newsletter mail " + mail.id() + ": its subscriber left");
      }
    }
    return wanted;
  }

  /**
   * Cancels the marketing mails still queued for {@code subscriberId}, who just left: they never
   * go. Returns how many were cancelled.
   */
  public int cancelMarketing(UUID subscriberId) {
    Instant now = Instant.now();
    List<OutgoingMail> queued =
        em.createQuery(
                "SELECT m FROM OutgoingMail m WHERE m.subscriberId = :subscriber"
                    + " AND m.status = :queued",
                OutgoingMail.class)
            .setParameter("subscriber", subscriberId.toString())
            .setParameter("queued", MailStatus.QUEUED)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    int cancelled = 0;
    for (OutgoingMail mail : queued) {
      if (mail.kind().isMarketing()) {
        mail.cancel(UNSUBSCRIBED, now);
        cancelled++;
      }
    }
    return cancelled;
  }

  /** How many mails of each campaign are in each status; campaigns without mails are left out. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, Map<MailStatus, Long>> countsByCampaign(List<UUID> campaignIds) {
    Map<UUID, Map<MailStatus, Long>> counts = new LinkedHashMap<>();
    if (campaignIds.isEmpty()) {
      return counts;
    }
    List<Object[]> rows =
        em.createQuery(
                "SELECT m.campaignId, m.status, COUNT(m) FROM OutgoingMail m"
                    + " WHERE m.campaignId IN :campaigns GROUP BY m.campaignId, m.status",
                Object[].class)
            .setParameter("campaigns", campaignIds.stream().map(UUID::toString).toList())
            .getResultList();
    for (Object[] row : rows) {
      counts
          .computeIfAbsent(UUID.fromString((String) row[0]), c -> new EnumMap<>(MailStatus.class))
          .put((MailStatus) row[1], ((Number) row[2]).longValue());
    }
    return counts;
  }

  /** Gives claimed mails back, due at {@code at} (the server was away, the rate was reached). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void release(List<UUID> ids, Instant at) {
    if (!ids.isEmpty()) {
      IdList.query(
              em,
              "UPDATE outgoing_mails SET next_attempt_at = ? WHERE status = 'QUEUED' AND id IN ({ids})",
              ids,
              java.sql.Timestamp.from(at))
          .executeUpdate();
    }
  }

  /** What became of one attempt to send a claimed mail. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public OutgoingMail record(UUID id, java.util.function.Consumer<OutgoingMail> outcome) {
    OutgoingMail mail = em.find(OutgoingMail.class, id.toString(), LockModeType.PESSIMISTIC_WRITE);
    if (mail != null && mail.status() == MailStatus.QUEUED) {
      outcome.accept(mail);
    }
    return mail;
  }

  /** Which mails a list shows; null fields do not filter. */
  public record Filter(MailStatus status, MailKind kind, String recipient, UUID campaignId) {}

  /** Mails of the current site, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<OutgoingMail> page(Filter filter, int limit, int offset) {
    return where(
            "SELECT m FROM OutgoingMail m",
            " ORDER BY m.createdAt DESC, m.id DESC",
            filter,
            OutgoingMail.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(Filter filter) {
    return where("SELECT COUNT(m) FROM OutgoingMail m", "", filter, Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> where(String select, String order, Filter filter, Class<T> type) {
    QueryFilter where =
        new QueryFilter()
            .and("m.site = :site", "site", request.site())
            .and("m.status = :status", "status", filter.status())
            .and("m.kind = :kind", "kind", filter.kind())
            .and("m.recipient = :recipient", "recipient", filter.recipient())
            .and(
                "m.campaignId = :campaign",
                "campaign",
                filter.campaignId() == null ? null : filter.campaignId().toString());
    return where.bind(em.createQuery(select + where.where() + order, type));
  }

  /** One mail of the current site; 404 otherwise. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public OutgoingMail get(UUID id) {
    OutgoingMail mail = em.find(OutgoingMail.class, id.toString());
    if (mail == null || !mail.site().equals(request.site())) {
      throw ProblemException.notFound("Mail", id);
    }
    return mail;
  }

  /**
   * Queues a failed mail again with fresh attempts; 409 {@code mail-not-failed} for a mail that has
   * not failed, {@code mail-not-resendable} for one without recipient or whose content held a
   * secret and was discarded.
   */
  @Transactional(Transactional.TxType.REQUIRED)
  public OutgoingMail resend(UUID id) {
    OutgoingMail mail = get(id);
    if (mail.status() != MailStatus.FAILED) {
      throw ProblemException.conflict(
          "mail-not-failed",
          "Mail " + id + " is " + mail.status() + "; only a failed mail is sent again.");
    }
    try {
      mail.resend(Instant.now());
    } catch (IllegalStateException e) {
      throw ProblemException.conflict("mail-not-resendable", e.getMessage());
    }
    em.flush();
    LOG.info(() -> "Mail " + id + " queued again by an administrator");
    return mail;
  }
}
