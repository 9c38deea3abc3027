package io.opencommerce.newsletters.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One e-mail the platform sends, written once (in the transaction of the event or request that
 * caused it) with its content already rendered, then sent by the queue: claimed when due, handed to
 * the SMTP server, retried later when the server turns it away for now, failed for good when it
 * refuses it. {@code sourceKey} names what the mail is about ({@code order:<id>}), so that the same
 * fact sent twice under two event ids makes one mail. A sensitive mail (a password reset link)
 * keeps its bodies only until it is sent or has failed.
 */
@Entity
@Table(name = "outgoing_mails")
public class OutgoingMail {
  /** The reason of a mail whose recipient the service does not know (yet). */
  public static final String UNKNOWN_RECIPIENT = "unknown recipient";

  @Id
  @Column(length = 36)
  private String id;

  @Column(nullable = false)
  private String site;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MailKind kind;

  @Column(nullable = false)
  private String language;

  @Column(name = "source_key", nullable = false)
  private String sourceKey;

  @Column(name = "customer_id", length = 36)
  private String customerId;

  @Column(name = "campaign_id", length = 36)
  private String campaignId;

  @Column(name = "subscriber_id", length = 36)
  private String subscriberId;

  private String recipient;

  @Column(name = "recipient_name")
  private String recipientName;

  @Column(nullable = false)
  private String subject;

  @Column(name = "text_body")
  private String textBody;

  @Column(name = "html_body")
  private String htmlBody;

  @Column(name = "unsubscribe_url")
  private String unsubscribeUrl;

  @Column(name = "template_version_id", length = 36)
  private String templateVersionId;

  @Column(name = "carries_secret", nullable = false)
  private boolean sensitive;

  @Column(name = "bodies_discarded", nullable = false)
  private boolean bodiesDiscarded;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MailStatus status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Version private long version;

  protected OutgoingMail() {}

  /**
   * A mail to {@code recipient} (null when unknown: the mail is recorded as failed, {@link
   * #UNKNOWN_RECIPIENT}), due now.
   */
  public OutgoingMail(
      String site,
      MailKind kind,
      String language,
      String sourceKey,
      String recipient,
      String recipientName,
      RenderedMail content,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.site = Objects.requireNonNull(site, "site is required");
    this.kind = Objects.requireNonNull(kind, "kind is required");
    this.language = Objects.requireNonNull(language, "language is required");
    this.sourceKey = Objects.requireNonNull(sourceKey, "sourceKey is required");
    this.recipient = recipient;
    this.recipientName = recipientName;
    this.subject = content.subject();
    this.textBody = content.text();
    this.htmlBody = content.html();
    this.templateVersionId =
        content.templateVersionId() == null ? null : content.templateVersionId().toString();
    this.sensitive = kind.isSensitive();
    this.status = MailStatus.QUEUED;
    this.nextAttemptAt = now;
    this.createdAt = now;
    this.updatedAt = now;
    if (recipient == null || recipient.isBlank()) {
      this.recipient = null;
      fail(UNKNOWN_RECIPIENT, now);
    }
  }

  /** The customer it is for, so that it can be sent once they are known ({@link #addressTo}). */
  public OutgoingMail forCustomer(UUID customerId) {
    this.customerId = customerId == null ? null : customerId.toString();
    return this;
  }

  /** A campaign's mail to one subscriber, with its one-click unsubscribe address. */
  public OutgoingMail forCampaign(UUID campaignId, UUID subscriberId, String unsubscribeUrl) {
    this.campaignId = campaignId.toString();
    this.subscriberId = subscriberId.toString();
    this.unsubscribeUrl = unsubscribeUrl;
    return this;
  }

  /** A marketing mail's one-click unsubscribe address (the {@code List-Unsubscribe} header). */
  public OutgoingMail unsubscribeAt(UUID subscriberId, String unsubscribeUrl) {
    this.subscriberId = subscriberId.toString();
    this.unsubscribeUrl = unsubscribeUrl;
    return this;
  }

  /** Handed to the SMTP server: done. A sensitive mail's bodies are blanked now. */
  public void sent(Instant now) {
    requireQueued();
    attempts++;
    status = MailStatus.SENT;
    sentAt = now;
    updatedAt = now;
    lastError = null;
    discardSensitiveBodies();
  }

  /** Turned away for now ({@code reason}); tried again at {@code next}. */
  public void retryAt(Instant next, String reason, Instant now) {
    requireQueued();
    attempts++;
    nextAttemptAt = next;
    lastError = truncate(reason);
    updatedAt = now;
  }

  /**
   * Given up after an attempt: refused for good, or out of attempts. A sensitive mail's bodies are
   * blanked now (it can never be sent).
   */
  public void failedAttempt(String reason, Instant now) {
    requireQueued();
    attempts++;
    fail(reason, now);
  }

  private void fail(String reason, Instant now) {
    status = MailStatus.FAILED;
    lastError = truncate(reason);
    updatedAt = now;
    discardSensitiveBodies();
  }

  /** No longer to be sent ({@code reason}: the subscriber left, the campaign was cancelled). */
  public void cancel(String reason, Instant now) {
    requireQueued();
    status = MailStatus.CANCELLED;
    lastError = truncate(reason);
    updatedAt = now;
  }

  /**
   * A failed mail queued again, with fresh attempts, now.
   *
   * @throws IllegalStateException when it has not failed, has no recipient, or its bodies were
   *     discarded (a sensitive mail)
   */
  public void resend(Instant now) {
    if (status != MailStatus.FAILED) {
      throw new IllegalStateException(
          "Only a failed mail can be sent again; this one is " + status);
    }
    if (recipient == null) {
      throw new IllegalStateException("This mail has no recipient to send it to.");
    }
    if (bodiesDiscarded) {
      throw new IllegalStateException(
          "This mail's content was discarded (it held a secret); it cannot be sent again.");
    }
    status = MailStatus.QUEUED;
    attempts = 0;
    nextAttemptAt = now;
    lastError = null;
    updatedAt = now;
  }

  /**
   * The recipient of a mail that waited for them ({@link #UNKNOWN_RECIPIENT}) is known now: the
   * mail is queued. Returns false when the mail was not waiting.
   */
  public boolean addressTo(String email, String name, Instant now) {
    if (status != MailStatus.FAILED || recipient != null || bodiesDiscarded) {
      return false;
    }
    recipient = email;
    recipientName = name;
    status = MailStatus.QUEUED;
    nextAttemptAt = now;
    lastError = null;
    updatedAt = now;
    return true;
  }

  private void discardSensitiveBodies() {
    if (sensitive) {
      textBody = null;
      htmlBody = null;
      bodiesDiscarded = true;
    }
  }

  private void requireQueued() {
    if (status != MailStatus.QUEUED) {
      throw new IllegalStateException("Mail " + id + " is " + status + ", not queued");
    }
  }

  private static String truncate(String reason) {
    if (reason == null) {
      return null;
    }
    return reason.length() <= 1000 ? reason : reason.substring(0, 997) + "...";
  }

  public UUID id() {
    return UUID.fromString(id);
  }

  public String site() {
    return site;
  }

  public MailKind kind() {
    return kind;
  }

  public String language() {
    return language;
  }

  public String sourceKey() {
    return sourceKey;
  }

  public UUID customerId() {
    return customerId == null ? null : UUID.fromString(customerId);
  }

  public UUID campaignId() {
    return campaignId == null ? null : UUID.fromString(campaignId);
  }

  public UUID subscriberId() {
    return subscriberId == null ? null : UUID.fromString(subscriberId);
  }

  public String recipient() {
    return recipient;
  }

  public String recipientName() {
    return recipientName;
  }

  public String subject() {
    return subject;
  }

  public String textBody() {
    return textBody;
  }

  public String htmlBody() {
    return htmlBody;
  }

  public String unsubscribeUrl() {
    return unsubscribeUrl;
  }

  public UUID templateVersionId() {
    return templateVersionId == null ? null : UUID.fromString(templateVersionId);
  }

  public boolean isSensitive() {
    return sensitive;
  }

  public boolean bodiesDiscarded() {
    return bodiesDiscarded;
  }

  public MailStatus status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public String lastError() {
    return lastError;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant sentAt() {
    return sentAt;
  }
}
