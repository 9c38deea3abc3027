package io.opencommerce.newsletters.domain;

import io.opencommerce.kit.persistence.SiteScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A newsletter sent once to a site's confirmed subscribers (all, or those of one language) at a
 * time an administrator chose. What its mails say is either a stored {@code newsletter} template
 * version or the campaign's own subject, text and HTML (Mustache, checked as templates are).
 *
 * <p>Sending is writing one mail per subscriber into the mail queue, in batches: each batch takes
 * the next subscribers after the {@linkplain #cursor() cursor} (subscribers in id order, confirmed
 * before the campaign started) and commits their mails together with the moved cursor, so a job
 * that dies mid-batch loses the batch and the next run resumes where the last committed one ended:
 * no subscriber is skipped or mailed twice, and the campaign never starts over. It is {@code SENT}
 * once every subscriber has their mail and the queue has none of them left to send.
 */
@Entity
@Table(name = "campaigns")
public class Campaign implements SiteScoped {
  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false, length = 40)
  private String site;

  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CampaignStatus status;

  @Column(name = "audience_language", length = 8)
  private String audienceLanguage;

  @Column(name = "template_version_id", length = 36)
  private String templateVersionId;

  @Column(length = 300)
  private String subject;

  @Column(name = "text_body")
  private String textBody;

  @Column(name = "html_body")
  private String htmlBody;

  @Column(name = "scheduled_at")
  private Instant scheduledAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "last_subscriber_id", length = 36)
  private String lastSubscriberId;

  @Column(nullable = false)
  private int enqueued;

  @Column(name = "all_enqueued_at")
  private Instant allEnqueuedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "cancelled_at")
  private Instant cancelledAt;

  @Column(name = "created_by", length = 36)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Campaign() {}

  /**
   * A draft campaign whose mails are rendered from the stored template version {@code
   * templateVersionId}, or, when it is null, from {@code content}.
   *
   * @param audienceLanguage the language of the subscribers it goes to; null: all of them
   */
  public Campaign(
      String site,
      String name,
      String audienceLanguage,
      UUID templateVersionId,
      CampaignContent content,
      UUID createdBy,
      Instant now) {
    if ((templateVersionId == null) == (content == null)) {
      throw new IllegalArgumentException(
          "a campaign has a template version or a content, not both");
    }
    this.id = UUID.randomUUID().toString();
    this.site = Objects.requireNonNull(site, "site is required");
    this.name = Objects.requireNonNull(name, "name is required").strip();
    this.audienceLanguage = audienceLanguage;
    this.templateVersionId = templateVersionId == null ? null : templateVersionId.toString();
    if (content != null) {
      this.subject = content.subject().strip();
      this.textBody = content.text();
      this.htmlBody = content.html();
    }
    this.status = CampaignStatus.DRAFT;
    this.createdBy = createdBy == null ? null : createdBy.toString();
    this.createdAt = now;
    this.updatedAt = now;
  }

  /**
   * Schedules it for {@code at}, which must be after {@code now}; a scheduled campaign may be moved
   * to another time.
   *
   * @throws IllegalTransitionException once it has started, or when it was cancelled
   * @throws IllegalArgumentException for a time that is not in the future
   */
  public void schedule(Instant at, Instant now) {
    if (status != CampaignStatus.DRAFT && status != CampaignStatus.SCHEDULED) {
      throw new IllegalTransitionException(status, CampaignStatus.SCHEDULED);
    }
    if (!Objects.requireNonNull(at, "at is required").isAfter(now)) {
      throw new IllegalArgumentException("A campaign is scheduled for a time to come.");
    }
    status = CampaignStatus.SCHEDULED;
    scheduledAt = at;
    updatedAt = now;
  }

  /**
   * Calls it off before it starts. Returns false when it was cancelled already (cancelling twice is
   * harmless).
   *
   * @throws IllegalTransitionException once it has started
   */
  public boolean cancel(Instant now) {
    if (status == CampaignStatus.CANCELLED) {
      return false;
    }
    if (status != CampaignStatus.DRAFT && status != CampaignStatus.SCHEDULED) {
      throw new IllegalTransitionException(status, CampaignStatus.CANCELLED);
    }
    status = CampaignStatus.CANCELLED;
    cancelledAt = now;
    updatedAt = now;
    return true;
  }

  /** Whether it is scheduled for {@code now} or earlier. */
  public boolean isDue(Instant now) {
    return status == CampaignStatus.SCHEDULED && !scheduledAt.isAfter(now);
  }

  /**
   * Starts sending: its audience is the subscribers confirmed by the second it started (kept to the
   * whole second, so that the first batch, read with this instant, and the later ones, read with
   * the stored one, see the same audience whatever precision the database keeps).
   *
   * @throws IllegalTransitionException unless it is scheduled and due
   */
  public void start(Instant now) {
    if (!isDue(now)) {
      throw new IllegalTransitionException(status, CampaignStatus.SENDING);
    }
    status = CampaignStatus.SENDING;
    startedAt = now.truncatedTo(ChronoUnit.SECONDS);
    updatedAt = now;
  }

  /** Whether subscribers are still to be given their mail. */
  public boolean isEnqueueing() {
    return status == CampaignStatus.SENDING && allEnqueuedAt == null;
  }

  /**
   * Records a batch: {@code count} mails written for the subscribers up to {@code last} (the
   * batch's last subscriber in id order; null for an empty batch). A batch smaller than {@code
   * batchSize} was the last: every subscriber has their mail.
   *
   * @throws IllegalStateException unless it is enqueueing, or when the cursor would not move
   *     forward (a batch read from a stale cursor)
   */
  public void enqueued(UUID last, int count, int batchSize, Instant now) {
    if (!isEnqueueing()) {
      throw new IllegalStateException("Campaign " + id + " is not enqueueing (" + status + ")");
    }
    if (count < 0 || count > batchSize || (count > 0) != (last != null)) {
      throw new IllegalArgumentException("a batch of " + count + " ending at " + last);
    }
    if (last != null) {
      String next = last.toString();
      if (lastSubscriberId != null && next.compareTo(lastSubscriberId) <= 0) {
        throw new IllegalStateException(
            "Campaign " + id + ": cursor " + lastSubscriberId + " cannot move back to " + next);
      }
      lastSubscriberId = next;
      enqueued += count;
    }
    if (count < batchSize) {
      allEnqueuedAt = now;
    }
    updatedAt = now;
  }

  /**
   * Sent: every subscriber had their mail and the queue holds none of them any more ({@code queued}
   * is how many it still holds). Returns whether it is sent now.
   */
  public boolean finishIfDrained(long queued, Instant now) {
    if (status != CampaignStatus.SENDING || allEnqueuedAt == null || queued > 0) {
      return false;
    }
    status = CampaignStatus.SENT;
    finishedAt = now;
    updatedAt = now;
    return true;
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  @Override
  public String site() {
    return site;
  }

  public String name() {
    return name;
  }

  public CampaignStatus status() {
    return status;
  }

  public String audienceLanguage() {
    return audienceLanguage;
  }

  public UUID templateVersionId() {
    return templateVersionId == null ? null : UUID.fromString(templateVersionId);
  }

  /** The campaign's own subject, text and HTML (Mustache sources); null with a template version. */
  public CampaignContent content() {
    return templateVersionId != null ? null : new CampaignContent(subject, textBody, htmlBody);
  }

  public String subject() {
    return subject;
  }

  public Instant scheduledAt() {
    return scheduledAt;
  }

  public Instant startedAt() {
    return startedAt;
  }

  /** The last subscriber (in id order) who has their mail; null before the first batch. */
  public UUID cursor() {
    return lastSubscriberId == null ? null : UUID.fromString(lastSubscriberId);
  }

  /** How many mails its batches have written so far. */
  public int enqueuedCount() {
    return enqueued;
  }

  public Instant allEnqueuedAt() {
    return allEnqueuedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public Instant cancelledAt() {
    return cancelledAt;
  }

  public UUID createdBy() {
    return createdBy == null ? null : UUID.fromString(createdBy);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
