package io.opencommerce.newsletters.application;

import io.opencommerce.contracts.api.ProblemDetail.FieldViolation;
import io.opencommerce.kit.persistence.OwnedRecords;
import io.opencommerce.kit.persistence.QueryFilter;
import io.opencommerce.kit.problem.ProblemException;
import io.opencommerce.kit.web.CurrentRequest;
import io.opencommerce.newsletters.client.CampaignRequest;
import io.opencommerce.newsletters.domain.Campaign;
import io.opencommerce.newsletters.domain.CampaignContent;
import io.opencommerce.newsletters.domain.CampaignStatus;
import io.opencommerce.newsletters.domain.IllegalTransitionException;
import io.opencommerce.newsletters.domain.MailKind;
import io.opencommerce.newsletters.domain.MailStatus;
import io.opencommerce.newsletters.domain.Subscriber;
import io.opencommerce.newsletters.domain.SubscriptionStatus;
import io.opencommerce.newsletters.domain.TemplateVersion;
import io.opencommerce.newsletters.infrastructure.SiteSettings;
import io.opencommerce.newsletters.infrastructure.SubscriptionLinks;
import io.opencommerce.newsletters.infrastructure.TemplateEngine;
import io.opencommerce.newsletters.infrastructure.TemplateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Campaigns: administrators write one (its own template, checked as template versions are, or an
 * active {@code newsletter} version of the site), schedule it, cancel it while it waits and follow
 * its progress; {@link CampaignSender} sends the due ones, a batch at a time ({@link
 * #enqueueNextBatch}), and marks them sent once the mail queue has sent them ({@link
 * #finishDrained}).
 */
@ApplicationScoped
@Transactional
public class Campaigns {
  private static final Logger LOG = Logger.getLogger(Campaigns.class.getName());

  @PersistenceContext EntityManager em;
  @Inject CurrentRequest request;
  @Inject OwnedRecords records;
  @Inject Templates templates;
  @Inject MailQueue queue;
  @Inject SubscriptionLinks links;
  @Inject SiteSettings sites;

  /**
   * Writes a draft campaign on the current site. 400 naming {@code body.templateVersionId} for a
   * version that is not an active newsletter version of the site, or given with parts of its own;
   * naming {@code body.subject}, {@code body.text} or {@code body.html} when a part is missing, or
   * does not compile or render with the newsletter's sample data. Nothing is stored then.
   */
  public Campaign create(CampaignRequest draft, UUID by) {
    String site = request.site();
    boolean ownParts = draft.subject() != null || draft.text() != null || draft.html() != null;
    CampaignContent content = null;
    if (draft.templateVersionId() != null) {
      if (ownParts) {
        throw ProblemException.invalidBody(
            "templateVersionId",
            "Give either a template version or a subject, text and html of its own, not both.");
      }
      newsletterVersion(site, draft.templateVersionId());
    } else {
      List<FieldViolation> missing = new ArrayList<>();
      requirePart(draft.subject(), "subject", missing);
      requirePart(draft.text(), "text", missing);
      requirePart(draft.html(), "html", missing);
      if (!missing.isEmpty()) {
        throw ProblemException.invalidBody(missing);
      }
      String language =
          draft.audienceLanguage() != null ? draft.audienceLanguage() : sites.of(site).language();
      templates.checked(
          MailKind.NEWSLETTER,
          site,
          language,
          new TemplateStore.Content(draft.subject(), draft.text(), draft.html()));
      content = new CampaignContent(draft.subject(), draft.text(), draft.html());
    }
    Campaign campaign =
        new Campaign(
            site,
            draft.name(),
            draft.audienceLanguage(),
            draft.templateVersionId(),
            content,
            by,
            Instant.now());
    em.persist(campaign);
    em.flush();
    LOG.info(() -> "Campaign " + campaign.id() + " of site " + site + " written by " + by);
    return campaign;
  }

  private static void requirePart(String value, String part, List<FieldViolation> missing) {
    if (value == null || value.isBlank()) {
      missing.add(
          new FieldViolation(part, "is required when the campaign names no template version"));
    }
  }

  /** The version must be a newsletter version of the site, and the active one of its language. */
  private void newsletterVersion(String site, UUID id) {
    TemplateVersion version = em.find(TemplateVersion.class, id.toString());
    if (version == null || !version.site().equals(site) || version.kind() != MailKind.NEWSLETTER) {
      throw ProblemException.invalidBody(
          "templateVersionId", "is not a newsletter template version of this site");
    }
    if (!templates.isActive(version)) {
      throw ProblemException.invalidBody(
          "templateVersionId",
          "is not the active newsletter version of its language; activate it first");
    }
  }

  /** A campaign of the current site; 404 otherwise. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Campaign get(UUID id) {
    return records.find(em, Campaign.class, id, c -> true);
  }

  /** Campaigns of the current site, newest first; a null status does not filter. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Campaign> page(CampaignStatus status, int limit, int offset) {
    return where(
            "SELECT c FROM Campaign c",
            " ORDER BY c.createdAt DESC, c.id DESC",
            status,
            Campaign.class)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultList();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public long count(CampaignStatus status) {
    return where("SELECT COUNT(c) FROM Campaign c", "", status, Long.class).getSingleResult();
  }

  private <T> TypedQuery<T> where(
      String select, String order, CampaignStatus status, Class<T> type) {
    QueryFilter where =
        new QueryFilter()
            .and("c.site = :site", "site", request.site())
            .and("c.status = :status", "status", status);
    return where.bind(em.createQuery(select + where.where() + order, type));
  }

  /**
   * Schedules a draft, or moves a scheduled campaign, to {@code at} (a time to come; 400 naming
   * {@code body.sendAt} otherwise). 409 {@code illegal-transition} once it has started or when it
   * was cancelled.
   */
  public Campaign schedule(UUID id, Instant at) {
    Campaign campaign = locked(id);
    try {
      campaign.schedule(at, Instant.now());
    } catch (IllegalTransitionException e) {
      throw ProblemException.conflict("illegal-transition", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ProblemException.invalidBody("sendAt", e.getMessage());
    }
    em.flush();
    LOG.info(() -> "Campaign " + id + " scheduled for " + at);
    return campaign;
  }

  /**
   * Cancels a draft or scheduled campaign; cancelling again changes nothing. 409 {@code
   * illegal-transition} once it has started (its mails are on their way).
   */
  public Campaign cancel(UUID id) {
    Campaign campaign = locked(id);
    try {
      if (campaign.cancel(Instant.now())) {
        em.flush();
        LOG.info(() -> "Campaign " + id + " cancelled");
      }
    } catch (IllegalTransitionException e) {
      throw ProblemException.conflict("illegal-transition", e.getMessage());
    }
    return campaign;
  }

  /**
   * The campaign read again under a row lock: a schedule, a cancellation and the sender's batch
   * queue up (a cancellation waits for a batch that started the campaign, then finds it sending).
   */
  private Campaign locked(UUID id) {
    Campaign campaign = get(id);
    em.refresh(campaign, LockModeType.PESSIMISTIC_WRITE);
    return campaign;
  }

  /** How many mails of each campaign are in each status. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<UUID, Map<MailStatus, Long>> mailCounts(List<UUID> campaignIds) {
    return queue.countsByCampaign(campaignIds);
  }

  /** What one batch of the sender did: whether it found work, and how many mails it wrote. */
  public record Batch(boolean worked, int enqueued) {
    static final Batch NONE = new Batch(false, 0);
  }

  /**
   * One batch of the sender, in one transaction: claims a campaign that is due or still enqueueing
   * ({@code FOR UPDATE SKIP LOCKED}: another replica takes another campaign, or none), starts it if
   * it was only due, writes the mails of the next {@code size} subscribers of its audience after
   * its cursor, and moves the cursor past them. The mails and the cursor commit together: a sender
   * that dies mid-batch leaves neither, and the next batch starts where the last committed one
   * ended.
   */
  public Batch enqueueNextBatch(int size) {
    @SuppressWarnings("unchecked")
    List<String> claimed =
        em.createNativeQuery(
                "SELECT id FROM campaigns WHERE (status = 'SCHEDULED' AND scheduled_at <= ?)"
                    + " OR (status = 'SENDING' AND all_enqueued_at IS NULL)"
                    + " ORDER BY scheduled_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
            .setParameter(1, java.sql.Timestamp.from(Instant.now()))
            .getResultList();
    if (claimed.isEmpty()) {
      return Batch.NONE;
    }
    Campaign campaign = em.find(Campaign.class, claimed.get(0));
    Instant now = Instant.now();
    if (campaign.isDue(now)) {
      campaign.start(now);
      LOG.info(() -> "Campaign " + campaign.id() + " of site " + campaign.site() + " started");
    }
    if (!campaign.isEnqueueing()) {
      return Batch.NONE; // scheduled in the database's clock but not yet in ours: next run
    }
    TemplateEngine.Compiled template = template(campaign);
    List<Subscriber> audience = audience(campaign, size);
    int written = 0;
    for (Subscriber subscriber : audience) {
      String unsubscribe = links.unsubscribe(subscriber);
      UUID campaignId = campaign.id();
      UUID subscriberId = subscriber.id();
      boolean queued =
          queue
              .enqueue(
                  campaign.site(),
                  new MailQueue.Draft(
                      MailKind.NEWSLETTER,
                      "campaign:" + campaignId + ":" + subscriberId,
                      subscriber.email(),
                      null,
                      subscriber.language(),
                      Map.of("unsubscribeLink", unsubscribe)),
                  template,
                  mail -> mail.forCampaign(campaignId, subscriberId, unsubscribe))
              .isPresent();
      if (queued) {
        written++;
      }
    }
    UUID last = audience.isEmpty() ? null : audience.get(audience.size() - 1).id();
    campaign.enqueued(last, audience.size(), size, now);
    em.flush();
    int count = written;
    LOG.info(
        () ->
            "Campaign "
                + campaign.id()
                + ": "
                + count
                + " mail(s) queued, "
                + campaign.enqueuedCount()
                + " so far"
                + (campaign.allEnqueuedAt() != null ? "; every subscriber has theirs" : ""));
    return new Batch(true, written);
  }

  /**
   * The next subscribers of the campaign's audience after its cursor: confirmed (by the second it
   * started) on its site, of its language if it has one, in id order.
   */
  private List<Subscriber> audience(Campaign campaign, int size) {
    QueryFilter where =
        new QueryFilter()
            .and("s.site = :site", "site", campaign.site())
            .and("s.status = :confirmed", "confirmed", SubscriptionStatus.CONFIRMED)
            .and("s.confirmedAt <= :started", "started", campaign.startedAt())
            .and("s.language = :language", "language", campaign.audienceLanguage())
            .and(
                "s.id > :after",
                "after",
                campaign.cursor() == null ? null : campaign.cursor().toString());
    return where
        .bind(
            em.createQuery(
                "SELECT s FROM Subscriber s" + where.where() + " ORDER BY s.id", Subscriber.class))
        .setMaxResults(size)
        .getResultList();
  }

  /** What the campaign's mails are rendered with: its template version, or its own parts. */
  private TemplateEngine.Compiled template(Campaign campaign) {
    if (campaign.templateVersionId() != null) {
      return templates.compiled(campaign.templateVersionId());
    }
    CampaignContent content = campaign.content();
    return TemplateEngine.compile(null, content.subject(), content.text(), content.html());
  }

  /**
   * Marks sent the campaigns whose subscribers all have their mail and whose mails the queue has
   * all sent, failed or cancelled (none queued). Returns how many it marked.
   */
  public int finishDrained() {
    @SuppressWarnings("unchecked")
    List<String> ids =
        em.createNativeQuery(
                "SELECT id FROM campaigns WHERE status = 'SENDING' AND all_enqueued_at IS NOT NULL"
                    + " ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED")
            .getResultList();
    int finished = 0;
    Instant now = Instant.now();
    for (String id : ids) {
      Campaign campaign = em.find(Campaign.class, id);
      long queued =
          em.createQuery(
                  "SELECT COUNT(m) FROM OutgoingMail m WHERE m.campaignId = :campaign"
                      + " AND m.status = :queued",
                  Long.class)
              .setParameter("campaign", id)
              .setParameter("queued", MailStatus.QUEUED)
              .getSingleResult();
      if (campaign.finishIfDrained(queued, now)) {
        finished++;
        LOG.info(
            () -> "Campaign " + id + " sent: its " + campaign.enqueuedCount() + " mail(s) are out");
      }
    }
    return finished;
  }
}
